package vn.lgsp.hub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.canonical.FeeKind;

/** The procedure catalogue completes dossiers from published facts, refuses none, and checks its own file. */
class ProcedureCatalogueTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ProcedureCatalogue catalogue(String mappingsDir) {
        return new ProcedureCatalogue(Path.of(mappingsDir.replaceFirst("^file:", "")), Duration.ofMillis(50), meters);
    }

    private static Dossier dossier(String procedure, String name, OffsetDateTime received, OffsetDateTime due,
                                   List<Fee> fees) {
        return new Dossier("H15-261204-0001", procedure, name, "H15.50.05.13", "onestop", "REF-1",
                new Applicant(ApplicantType.CITIZEN, "002190012345", null, null, null, null, null, null), null,
                Channel.ONLINE, received, due, 1, List.of(), fees);
    }

    @Test
    void theShippedCatalogueIsValidAndListsEveryProcedureTheRoutingTableNames() throws IOException {
        ProcedureCatalogue shipped = catalogue("file:mappings");
        for (String line : Files.readAllLines(Path.of("mappings/routing/sector-routes.csv"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("procedure_code")) {
                assertThat(shipped.find(line.split(",")[0])).as(line).isPresent();
            }
        }
        assertThat(shipped.find("1.001978")).isPresent(); // the labour simulator's procedure
        assertThat(shipped.find("1.004227").orElseThrow().name()).contains(", quyền sở hữu"); // a quoted cell
    }

    @Test
    void aCataloguedProcedureFillsNameFieldDueDateAndFeeKinds() {
        // Received Friday 4 December 2026 at 10:00; 10 working days skip two weekends.
        OffsetDateTime friday = OffsetDateTime.parse("2026-12-04T10:00:00+07:00");
        var completion = catalogue("file:mappings").complete(dossier("1.001022", null, friday, null,
                List.of(new Fee("LP01", "Lệ phí", 1_000_000L))));

        Dossier d = completion.dossier();
        assertThat(d.procedureName()).isEqualTo("Đăng ký kết hôn có yếu tố nước ngoài");
        assertThat(d.fieldCode()).isEqualTo("HT");
        assertThat(d.fieldName()).isEqualTo("Hộ tịch");
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-18T10:00:00+07:00"));
        assertThat(d.fees().get(0).kind()).isEqualTo(FeeKind.CHARGE);
        assertThat(completion.warnings()).isEmpty();
    }

    @Test
    void whatTheDossierSaysWinsOverTheCatalogue() {
        OffsetDateTime due = OffsetDateTime.parse("2026-12-05T17:00:00+07:00");
        Dossier d = catalogue("file:mappings").complete(dossier("1.001193", "Đăng ký khai sinh (lưu động)",
                OffsetDateTime.parse("2026-12-04T10:00:00+07:00"), due, List.of())).dossier();
        assertThat(d.procedureName()).isEqualTo("Đăng ký khai sinh (lưu động)");
        assertThat(d.dueAt()).isEqualTo(due);
    }

    @Test
    void unknownProceduresAndUnlistedFeesAreAcceptedWithAWarningAndCounted() {
        ProcedureCatalogue catalogue = catalogue("file:mappings");
        Dossier unknown = dossier("9.999999", null, OffsetDateTime.now(), null, List.of());
        var first = catalogue.complete(unknown);
        assertThat(first.dossier()).isEqualTo(unknown);
        assertThat(first.warnings()).singleElement().asString().contains("9.999999").contains("not in the catalogue");

        var second = catalogue.complete(dossier("1.001193", null, OffsetDateTime.now(), null,
                List.of(new Fee("LP01", "Lệ phí", 8000L), new Fee("LP99", "Lệ phí lạ", 5000L))));
        assertThat(second.warnings()).singleElement().asString().contains("fee LP99").contains("1.001193");
        assertThat(second.dossier().fees()).extracting(Fee::code).containsExactly("LP01", "LP99");
        assertThat(meters.counter("hub.catalogue.procedures.unknown").count()).isEqualTo(1.0);
        assertThat(meters.counter("hub.catalogue.fees.unlisted").count()).isEqualTo(1.0);
    }

    @Test
    void workingDaysSkipWeekends() {
        OffsetDateTime friday = OffsetDateTime.parse("2026-12-04T16:30:00+07:00");
        assertThat(WorkingDays.after(friday, 0)).isEqualTo(friday);
        assertThat(WorkingDays.after(friday, 1)).isEqualTo(OffsetDateTime.parse("2026-12-07T16:30:00+07:00"));
        assertThat(WorkingDays.after(friday, 5)).isEqualTo(OffsetDateTime.parse("2026-12-11T16:30:00+07:00"));
        // Received on a Saturday: the first working day counted is Monday.
        assertThat(WorkingDays.after(OffsetDateTime.parse("2026-12-05T09:00:00+07:00"), 1))
                .isEqualTo(OffsetDateTime.parse("2026-12-07T09:00:00+07:00"));
    }

    @Test
    void brokenRowsAreNamedWithTheirLine() {
        Map<String, String> broken = Map.of(
                "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1", "line 2: expected",
                "1.001193,Đăng ký khai sinh,HT,Hộ tịch,MUC_DO_4,1,", "line 2: level must be",
                "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,mười,", "line 2: processing_days",
                "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1,LP01|Lệ phí|tám nghìn|CHARGE", "line 2: fee",
                "1.001193,Đăng ký khai sinh,,Hộ tịch,FULL_ONLINE,1,", "line 2: field_code is empty",
                "1.001193,\"Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1,", "line 2: a quoted cell is not closed");
        broken.forEach((row, problem) -> assertThatThrownBy(() -> ProcedureCatalogue.parse("procedures.csv",
                List.of(ProcedureCatalogue.HEADER, row)))
                .as(row).hasMessageContaining("procedures.csv " + problem));
        assertThatThrownBy(() -> ProcedureCatalogue.parse("procedures.csv", List.of(
                "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1,", "1.001193,Khai sinh,HT,Hộ tịch,FULL_ONLINE,1,")))
                .hasMessageContaining("line 2: procedure 1.001193 is already on line 1");
    }

    @Test
    void anEditIsPickedUpAndABrokenEditKeepsTheLastGoodCatalogue() throws IOException {
        Path file = dir.resolve(ProcedureCatalogue.FILE);
        Files.createDirectories(file.getParent());
        write(file, "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1,\n", 1);
        ProcedureCatalogue catalogue = catalogue("file:" + dir);
        assertThat(catalogue.find("1.000894")).isEmpty();

        write(file, "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,1,\n1.000894,Đăng ký khai tử,HT,Hộ tịch,"
                + "FULL_ONLINE,1,\n", 2);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> catalogue.find("1.000894").isPresent());

        write(file, "1.001193,Đăng ký khai sinh,HT,Hộ tịch,FULL_ONLINE,một,\n", 3);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> catalogue.find("1.000894").isPresent());
    }

    private static void write(Path file, String rows, int version) throws IOException {
        Files.writeString(file, ProcedureCatalogue.HEADER + "\n" + rows, StandardCharsets.UTF_8);
        // A distinct modification time per version, whatever the file system's clock resolution.
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-04T00:00:00Z").plusSeconds(version)));
    }
}
