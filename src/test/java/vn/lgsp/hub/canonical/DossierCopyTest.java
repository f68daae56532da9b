package vn.lgsp.hub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every update path of a dossier changes only what it says: the other fields come through, including ones added
 * later (a reply document once rebuilt the dossier through its constructor and dropped its online payment).
 */
class DossierCopyTest {

    static Dossier everyFieldFilled() {
        return new Dossier("H15.50.05.13-261204-0001", "1.001193", "Đăng ký khai sinh", "H15.50.05.13", "onestop",
                "REF-1", new Applicant(ApplicantType.CITIZEN, "002190012345", null, "Nguyễn Thị Hoà", null, null,
                "0912345678", null), "Khai sinh cho con", Channel.ONLINE,
                OffsetDateTime.parse("2026-12-01T08:00:00+07:00"), OffsetDateTime.parse("2026-12-04T17:00:00+07:00"),
                4, List.of(new DossierDocument("TP01", "Giấy chứng sinh", "https://dvc.example.vn/f/1.pdf", true,
                        "F-1")),
                List.of(new Fee("LP01", "Lệ phí", 8000L, FeeKind.CHARGE, FeeCollection.DIRECT)), 1, "BN-0042",
                OffsetDateTime.parse("2026-11-30T21:10:00+07:00"), "G09-TP04", "Hộ tịch", ResultDelivery.POST,
                "Nộp kèm bản sao");
    }

    @Test
    void eachCopyChangesOnlyItsOwnField() throws Exception {
        Dossier original = everyFieldFilled();
        Applicant other = new Applicant(ApplicantType.CITIZEN, "008173100398", null, "Đặng Kim Linh", null, null,
                null, null);
        Map<String, UnaryOperator<Dossier>> updates = Map.of(
                "applicant", d -> d.withApplicant(other),
                "status", d -> d.withStatus(9),
                "onlinePayment", d -> d.withOnlinePayment(2),
                "documents", d -> d.withDocuments(List.of(new DossierDocument(DossierDocument.RESULT_CODE, "Kết quả",
                        "/api/v1/dossiers/x/results/1", true))));
        for (var update : updates.entrySet()) {
            Dossier changed = update.getValue().apply(original);
            for (RecordComponent component : Dossier.class.getRecordComponents()) {
                Object before = component.getAccessor().invoke(original);
                Object after = component.getAccessor().invoke(changed);
                assertThat(before).as("every field of the test dossier is filled: " + component.getName()).isNotNull();
                if (component.getName().equals(update.getKey())) {
                    assertThat(after).as(update.getKey()).isNotEqualTo(before);
                } else {
                    assertThat(after).as(update.getKey() + " keeps " + component.getName()).isEqualTo(before);
                }
            }
        }
    }
}
