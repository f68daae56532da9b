package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * edXML StatusCode -> hub dossier status, read from {@code mappings/docaxis/status.docaxis-to-hub.csv} so an
 * operator can change it without a build. A code with an empty hub status changes nothing but the trail; a code
 * missing from the table makes the package a dead letter.
 */
@Component
public class DocAxisStatusTable {

    public static final String FILE = "docaxis/status.docaxis-to-hub.csv";

    /** One row: the hub status it becomes (empty: none) and the Vietnamese meaning. */
    public record Row(Optional<Integer> hubStatus, String meaning) {
    }

    private final Map<String, Row> rows = new HashMap<>();

    public DocAxisStatusTable(@Value("${hub.mappings-dir}") String mappingsDir) {
        Resource file = new DefaultResourceLoader().getResource(mappingsDir + "/" + FILE);
        try {
            for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("edxml_status")) {
                    continue;
                }
                String[] cells = trimmed.split(",", 3);
                String hub = cells[1].strip();
                rows.put(cells[0].strip(), new Row(hub.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(hub)),
                        cells.length > 2 ? cells[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Malformed status table " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Row> row(String edxmlStatus) {
        return Optional.ofNullable(rows.get(edxmlStatus));
    }
}
