package vn.lgsp.hub.adapters.dvcqg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The hub status -> DVCQG {@code TrangThaiHoSo} table, read from {@code mappings/dvcqg/status.hub-to-dvcqg.csv}
 * so an operator can change it without a build. A status missing from the table fails loudly at sync time.
 */
@Component
public class DvcqgStatusTable {

    public static final String FILE = "dvcqg/status.hub-to-dvcqg.csv";

    private record Row(int code, String name) {
    }

    private final Map<Integer, Row> rows = new HashMap<>();

    public DvcqgStatusTable(@Value("${hub.mappings-dir}") String mappingsDir) {
        Resource file = new DefaultResourceLoader().getResource(mappingsDir + "/" + FILE);
        try {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            for (String line : text.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("hub_status")) {
                    continue;
                }
                String[] cells = trimmed.split(",", 3);
                rows.put(Integer.parseInt(cells[0].strip()),
                        new Row(Integer.parseInt(cells[1].strip()), cells.length > 2 ? cells[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Malformed status table " + file + ": " + e.getMessage(), e);
        }
    }

    /** The portal's TrangThaiHoSo for a hub status. */
    public int trangThaiHoSo(int hubStatus) {
        return row(hubStatus).code();
    }

    /** The Vietnamese name of a hub status, as the table gives it. */
    public String name(int hubStatus) {
        return row(hubStatus).name();
    }

    private Row row(int hubStatus) {
        Row row = rows.get(hubStatus);
        if (row == null) {
            throw new IllegalStateException("Status " + hubStatus + " is missing from " + FILE);
        }
        return row;
    }
}
