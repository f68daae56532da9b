package vn.lgsp.hub.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two shapes every status table has, read from the one file format they share. */
class StatusTablesTest {

    @TempDir
    Path dir;

    @Test
    void anIncomingTableMapsCodesToHubStatusesOrToNone() throws IOException {
        IncomingStatuses table = IncomingStatuses.read(file("""
                # comments and the header line are skipped
                sector_status,hub_status,meaning
                TIEP_NHAN,2,Đã tiếp nhận
                THAM_DINH,4,Đang thẩm định, đo đạc

                GHI_CHU,,Ghi chú
                """));

        assertThat(table.hubStatus(" TIEP_NHAN ")).contains(2);
        assertThat(table.row("THAM_DINH").orElseThrow().meaning()).isEqualTo("Đang thẩm định, đo đạc");
        assertThat(table.row("GHI_CHU").orElseThrow().hubStatus()).isEmpty();
        assertThat(table.hubStatus("GHI_CHU")).isEmpty();
        assertThat(table.row("KHAC")).isEmpty();
    }

    @Test
    void anOutgoingTableMapsHubStatusesToCodesAndAnEmptyCodeSendsNothing() throws IOException {
        OutgoingStatuses table = OutgoingStatuses.read(file("""
                hub_status,edxml_status,meaning
                2,04,Phân công xử lý
                7,,Không gửi
                """));

        assertThat(table.row(2)).contains(new OutgoingStatuses.Row("04", "Phân công xử lý"));
        assertThat(table.row(7)).isEqualTo(Optional.empty());
        assertThat(table.row(9)).isEmpty();
    }

    @Test
    void aMalformedTableNamesItsFileAndLine() throws IOException {
        Path outOfRange = file("""
                # a comment
                sector_status,hub_status,meaning
                A,11,Không có
                """);
        assertThatThrownBy(() -> IncomingStatuses.read(outOfRange))
                .hasMessageContaining(outOfRange + " line 3: hub_status must be a hub status 1-10");

        Path twice = file("""
                hub_status,trang_thai_ho_so,ten_trang_thai
                1,1,Mới đăng ký
                1,2,Được tiếp nhận
                """);
        assertThatThrownBy(() -> OutgoingStatuses.read(twice)).hasMessageContaining("line 3: status '1' appears twice");
    }

    private Path file(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "status.", ".csv"), text, StandardCharsets.UTF_8);
    }
}
