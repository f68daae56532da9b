package vn.lgsp.hub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.FeeKind;

/** What a refresh from the national list accepts, how it tells a change, and how the national list meets the file. */
class CatalogueRefreshTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode item(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static final String GOOD = """
            {"code":"1.004884","name":"Đăng ký lại khai sinh","fieldCode":"HT","fieldName":"Hộ tịch",
             "level":"PARTIAL_ONLINE","processingDays":5,
             "fees":[{"code":"LP01","name":"Lệ phí đăng ký lại khai sinh","amount":5000,"kind":"CHARGE"}]}""";

    @Test
    void aMappedProcedureIsCheckedAsTheFilesRowsAre() throws Exception {
        Procedure p = CatalogueRefresh.procedure(item(GOOD));
        assertThat(p.processingDays()).isEqualTo(5);
        assertThat(p.fee("LP01").orElseThrow().kind()).isEqualTo(FeeKind.CHARGE);

        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("\"1.004884\"", "\"1 004 884\""))))
                .hasMessageContaining("procedure code");
        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("\"Hộ tịch\"", "\"\""))))
                .hasMessageContaining("fieldName is empty");
        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("\"processingDays\":5",
                "\"processingDays\":null")))).hasMessageContaining("0-365 working days");
        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("PARTIAL_ONLINE", "SOMETIMES"))))
                .hasMessageContaining("level");
        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("\"CHARGE\"", "null"))))
                .hasMessageContaining("neither FEE nor CHARGE");
        assertThatThrownBy(() -> CatalogueRefresh.procedure(item(GOOD.replace("5000", "-1"))))
                .hasMessageContaining("whole VND");
    }

    @Test
    void aChangeIsToldFieldByField() throws Exception {
        Procedure before = CatalogueRefresh.procedure(item(GOOD));
        Procedure after = CatalogueRefresh.procedure(item(GOOD.replace("\"Hộ tịch\"", "\"Hộ tịch và chứng thực\"")
                .replace("\"processingDays\":5", "\"processingDays\":3")));
        assertThat(CatalogueRefresh.changes(before, after)).containsExactly(
                new CatalogueRefresh.FieldChange("fieldName", "Hộ tịch", "Hộ tịch và chứng thực"),
                new CatalogueRefresh.FieldChange("processingDays", 5, 3));
        assertThat(CatalogueRefresh.changes(before, CatalogueRefresh.procedure(item(GOOD)))).isEmpty();
    }

    @Test
    void theFileOverridesTheNationalListWhichFillsWhatTheFileLacks() throws Exception {
        Procedure nationalOnly = CatalogueRefresh.procedure(item(GOOD));
        Procedure birthNationally = CatalogueRefresh.procedure(item(GOOD.replace("1.004884", "1.001193")
                .replace("\"processingDays\":5", "\"processingDays\":2")));
        var catalogue = new ProcedureCatalogue(Path.of("mappings"), Duration.ofSeconds(2), new SimpleMeterRegistry(),
                () -> Map.of(nationalOnly.code(), nationalOnly, birthNationally.code(), birthNationally));

        assertThat(catalogue.find("1.004884")).contains(nationalOnly);
        assertThat(catalogue.inFile("1.004884")).isEmpty();
        assertThat(catalogue.find("1.001193").orElseThrow().processingDays()).as("the file's row").isEqualTo(1);
        assertThat(catalogue.all()).extracting(Procedure::code).contains("1.004884", "1.001193", "2.000889")
                .doesNotHaveDuplicates();
        assertThat(catalogue.find("9.999999")).isEmpty();
        Dossier dossier = new Dossier("H15-261204-0001", "1.004884", null, "H15.50.05.13", "onestop", "REF-1",
                new Applicant(ApplicantType.CITIZEN, "002190012345", null, null, null, null, null, null), null,
                Channel.ONLINE, OffsetDateTime.parse("2026-12-04T10:00:00+07:00"), null, 1, List.of(), List.of());
        Dossier completed = catalogue.complete(dossier).dossier();
        assertThat(completed.fieldName()).isEqualTo("Hộ tịch");
        assertThat(completed.procedureName()).isEqualTo("Đăng ký lại khai sinh");
        assertThat(completed.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-11T10:00:00+07:00"));
    }
}
