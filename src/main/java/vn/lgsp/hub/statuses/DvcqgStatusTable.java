package vn.lgsp.hub.statuses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;

/**
 * The hub status -> DVCQG {@code TrangThaiHoSo} table, read from {@code mappings/dvcqg/status.hub-to-dvcqg.csv}
 * so an operator can change it without a build. A status missing from the table fails loudly at sync time.
 */
@Component
public class DvcqgStatusTable {

    public static final String FILE = "dvcqg/status.hub-to-dvcqg.csv";

    private final OutgoingStatuses table;

    @Autowired
    public DvcqgStatusTable(HubProperties hub) {
        this(hub.mappingsDir());
    }

    /** The table under this mappings directory. */
    public DvcqgStatusTable(String mappingsDir) {
        this.table = OutgoingStatuses.read(MappingFiles.path(mappingsDir).resolve(FILE));
        table.rows().values().forEach(row -> trangThaiHoSo(row)); // a code that is not a number fails at start
    }

    /** The portal's TrangThaiHoSo for a hub status. */
    public int trangThaiHoSo(int hubStatus) {
        return trangThaiHoSo(row(hubStatus));
    }

    /** The Vietnamese name of a hub status, as the table gives it. */
    public String name(int hubStatus) {
        return row(hubStatus).meaning();
    }

    private static int trangThaiHoSo(OutgoingStatuses.Row row) {
        try {
            return Integer.parseInt(row.code());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Malformed status table " + FILE + ": TrangThaiHoSo '" + row.code()
                    + "' is not a number", e);
        }
    }

    private OutgoingStatuses.Row row(int hubStatus) {
        return table.row(hubStatus).orElseThrow(() -> new IllegalStateException(
                "Status " + hubStatus + " is missing from " + FILE));
    }
}
