package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The document axis' status tables, read from {@code mappings/docaxis/} so an operator can change them without a
 * build. In ({@code status.docaxis-to-hub.csv}): edXML StatusCode -> hub dossier status; a code with an empty hub
 * status changes nothing but the trail; a code missing from the table makes the package a dead letter. Out
 * ({@code status.hub-to-docaxis.csv}): a dossier's status -> the edXML StatusCode the hub sends to the senders of
 * the documents tied to the dossier; a status missing from it sends nothing.
 */
@Component
public class DocAxisStatusTable {

    public static final String FILE = "docaxis/status.docaxis-to-hub.csv";
    public static final String OUT_FILE = "docaxis/status.hub-to-docaxis.csv";

    /** One row: the hub status it becomes (empty: none) and the Vietnamese meaning. */
    public record Row(Optional<Integer> hubStatus, String meaning) {
    }

    private final Map<String, Row> rows = new HashMap<>();
    private final Map<Integer, String> outgoing = new HashMap<>();

    public DocAxisStatusTable(@Value("${hub.mappings-dir}") String mappingsDir) {
        for (String[] cells : read(mappingsDir, FILE)) {
            String hub = cells[1];
            rows.put(cells[0], new Row(hub.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(hub)), cells[2]));
        }
        for (String[] cells : read(mappingsDir, OUT_FILE)) {
            if (!cells[1].isEmpty()) {
                outgoing.put(Integer.parseInt(cells[0]), cells[1]);
            }
        }
    }

    /** The rows of a table: three cells each (the third may hold commas), comments and the header skipped. */
    private static List<String[]> read(String mappingsDir, String name) {
        Resource file = new DefaultResourceLoader().getResource(mappingsDir + "/" + name);
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || Character.isLetter(trimmed.charAt(0))) {
                    continue;
                }
                String[] cells = trimmed.split(",", 3);
                rows.add(new String[] {cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : ""});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Malformed status table " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The edXML StatusCode to send for a dossier's status, if the table names one. */
    public Optional<String> outgoing(int hubStatus) {
        return Optional.ofNullable(outgoing.get(hubStatus));
    }

    public Optional<Row> row(String edxmlStatus) {
        return Optional.ofNullable(rows.get(edxmlStatus));
    }
}
