package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.platform.HubProperties;

/** Precedence of the routing table's rules, its checks, and its reload when the file changes. */
class SectorRoutingTableTest {

    @TempDir
    Path mappings;

    private SectorRoutingTable table(String rows) throws IOException {
        Files.createDirectories(mappings.resolve("routing"));
        Files.writeString(mappings.resolve(SectorRoutingTable.FILE), "procedure_code,agency_code,system\n" + rows);
        var system = new HubProperties.ExternalSystem("http://x", null, null, null, null, null);
        var properties = new HubProperties(null, null, "file:" + mappings, null, null, null, null,
                Map.of("sector-land", system, "sector-civil", system, "sector-health", system), null, null);
        return new SectorRoutingTable(properties, Duration.ZERO);
    }

    @Test
    void mostSpecificRuleWins() throws IOException {
        var table = table("""
            1.004*,*,sector-land
            1.0042*,*,sector-civil
            1.004227,*,sector-health
            1.004227,H15.13*,sector-land
            1.004227,H15.13.01,sector-civil
            """);
        assertThat(table.resolve("1.004999", "H15")).contains("sector-land");        // shorter prefix only
        assertThat(table.resolve("1.004299", "H15")).contains("sector-civil");       // longer prefix
        assertThat(table.resolve("1.004227", "H22")).contains("sector-health");      // exact procedure, any agency
        assertThat(table.resolve("1.004227", "H15.13.07")).contains("sector-land");  // agency prefix beats *
        assertThat(table.resolve("1.004227", "H15.13.01")).contains("sector-civil"); // exact agency
        assertThat(table.resolve("2.000001", "H15")).isEmpty();
    }

    @Test
    void rowsNamingAnUnknownSystemOrRepeatingARuleAreRefused() {
        assertThatThrownBy(() -> table("1.004227,*,sector-water\n"))
                .hasMessageContaining("sector-routes.csv line 2").hasMessageContaining("unknown system 'sector-water'");
        assertThatThrownBy(() -> table("1.004227,*,sector-land\n1.004227,*,sector-civil\n"))
                .hasMessageContaining("line 3").hasMessageContaining("same procedure and agency as line 2");
        assertThatThrownBy(() -> table("1.*04,*,sector-land\n")).hasMessageContaining("'*' may only end a code");
    }

    @Test
    void anEditedFileIsReadAgainAndABrokenEditKeepsTheLastGoodTable() throws IOException {
        var table = table("1.004227,*,sector-land\n");
        Path file = mappings.resolve(SectorRoutingTable.FILE);
        Files.writeString(file, "procedure_code,agency_code,system\n1.004227,*,sector-civil\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(table.resolve("1.004227", "H15")).contains("sector-civil");

        Files.writeString(file, "procedure_code,agency_code,system\n1.004227,*,nobody\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(table.resolve("1.004227", "H15")).contains("sector-civil");
    }
}
