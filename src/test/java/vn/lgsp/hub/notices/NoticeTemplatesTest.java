package vn.lgsp.hub.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.support.Dossiers;

/** The templates in mappings/notices/templates.csv and what a notice carries to the gateway. */
class NoticeTemplatesTest {

    private final NoticeTemplates templates = new NoticeTemplates(Path.of("mappings/notices/templates.csv"));

    @Test
    void theStatesThatMatterHaveATemplateAndOthersNone() {
        assertThat(templates.forStatus(2)).get().extracting(NoticeTemplates.Template::kind).isEqualTo("RECEIVED");
        assertThat(templates.forStatus(5)).get().extracting(NoticeTemplates.Template::kind).isEqualTo("SUPPLEMENT_NEEDED");
        assertThat(templates.forStatus(6)).get().extracting(NoticeTemplates.Template::kind).isEqualTo("PAYMENT_DUE");
        assertThat(templates.forStatus(9)).get().extracting(NoticeTemplates.Template::kind).isEqualTo("RESULT_READY");
        assertThat(templates.forStatus(4)).isEmpty();
    }

    @Test
    void aTemplateIsFilledWithTheDossiersCodeAmountAndDueDateInVietnamese() throws Exception {
        Dossier dossier = new ObjectMapper().findAndRegisterModules().readValue(Dossiers.citizen("ref-1"), Dossier.class)
                .acceptedAs("H15.50.05.13-261008-0975", "onestop",
                OffsetDateTime.parse("2026-10-08T09:00:00+07:00"), 6)
;

        assertThat(templates.render(templates.forStatus(6).orElseThrow(), dossier)).isEqualTo("Hồ sơ "
                + "H15.50.05.13-261008-0975: vui lòng nộp phí, lệ phí 8.000 đồng để hồ sơ được tiếp tục giải quyết.");
        assertThat(templates.render(templates.forStatus(2).orElseThrow(), dossier)).isEqualTo("Hồ sơ "
                + "H15.50.05.13-261008-0975 (Đăng ký khai sinh) đã được tiếp nhận. Ngày hẹn trả kết quả: 01/12/2026.");
    }

    @Test
    void phoneNumbersAreNormalisedForOptOutsAndMaskedForEveryoneElse() {
        assertThat(SmsChannel.normalise("+84 912-345-678")).isEqualTo("0912345678");
        assertThat(SmsChannel.normalise("0912.345.678")).isEqualTo("0912345678");
        assertThat(SmsChannel.mask("0912345678")).isEqualTo("091*****78");
    }
}
