package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.statuses.DocAxisStatusTable;

/** The document axis' status tables as shipped in mappings/docaxis/: codes in, and the codes the hub sends out. */
class DocAxisStatusTableTest {

    private final DocAxisStatusTable table = new DocAxisStatusTable("file:mappings");

    @Test
    void receivedCodesBecomeHubStatusesOrOnlyATrailEntry() {
        assertThat(table.row("06").orElseThrow().hubStatus()).contains(9);
        assertThat(table.row("13").orElseThrow().hubStatus()).isEmpty();
        assertThat(table.row("99")).isEmpty();
    }

    @Test
    void aDossiersProgressBecomesTheCodeItsDocumentsSendersHear() {
        assertThat(table.outgoing(2)).contains("04");
        assertThat(table.outgoing(4)).contains("05");
        assertThat(table.outgoing(5)).contains("05");
        assertThat(table.outgoing(9)).contains("06");
        assertThat(table.outgoing(10)).contains("06");
        assertThat(table.outgoing(1)).isEqualTo(Optional.empty());
        assertThat(table.outgoing(7)).isEmpty();
    }
}
