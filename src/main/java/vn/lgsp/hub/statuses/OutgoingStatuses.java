package vn.lgsp.hub.statuses;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table from the hub's statuses to a system's status codes ({@code status.hub-to-<system>.csv}:
 * {@code hub_status,<system>_status,meaning}). A hub status missing from the table, or with an empty code, has no
 * code in that system. A hub status listed twice, or outside 1-10, is an error in the file.
 */
public record OutgoingStatuses(Map<Integer, Row> rows) {

    /** The system's code for a hub status and what it means there. */
    public record Row(String code, String meaning) {
    }

    public static OutgoingStatuses read(Path file) {
        Map<Integer, Row> rows = new HashMap<>();
        for (StatusCsv.Line line : StatusCsv.read(file)) {
            int hub = line.hubStatus(line.from());
            if (!line.to().isEmpty() && rows.put(hub, new Row(line.to(), line.meaning())) != null) {
                throw line.problem("status '" + line.from() + "' appears twice");
            }
        }
        return new OutgoingStatuses(Map.copyOf(rows));
    }

    public Optional<Row> row(int hubStatus) {
        return Optional.ofNullable(rows.get(hubStatus));
    }
}
