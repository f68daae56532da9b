package vn.lgsp.hub.statuses;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table from a system's status codes to the hub's statuses ({@code status.<system>-to-hub.csv}:
 * {@code <system>_status,hub_status,meaning}). A code with an empty hub status is known but changes no dossier
 * status; a code missing from the table is unknown. A code listed twice, or a hub status outside 1-10, is an error
 * in the file.
 */
public record IncomingStatuses(Map<String, Row> rows) {

    /** What a system's code means: the hub status it becomes (none: it changes no status) and its meaning. */
    public record Row(Optional<Integer> hubStatus, String meaning) {
    }

    public static IncomingStatuses read(Path file) {
        Map<String, Row> rows = new HashMap<>();
        for (StatusCsv.Line line : StatusCsv.read(file)) {
            Optional<Integer> hub = line.to().isEmpty() ? Optional.empty() : Optional.of(line.hubStatus(line.to()));
            if (rows.put(line.from(), new Row(hub, line.meaning())) != null) {
                throw line.problem("status '" + line.from() + "' appears twice");
            }
        }
        return new IncomingStatuses(Map.copyOf(rows));
    }

    public Optional<Row> row(String code) {
        return Optional.ofNullable(rows.get(code.strip()));
    }

    /** The hub status a code becomes, if the table names one. */
    public Optional<Integer> hubStatus(String code) {
        return row(code).flatMap(Row::hubStatus);
    }
}
