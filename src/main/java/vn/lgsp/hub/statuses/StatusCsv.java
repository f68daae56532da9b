package vn.lgsp.hub.statuses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.canonical.DossierStatus;

/**
 * The file format every status table shares: three columns (a status, the status it becomes, its meaning, which may
 * hold commas); blank lines and lines starting with {@code #} are skipped and the first other line names the
 * columns. A failure names the file and the line.
 */
final class StatusCsv {

    /** One row of a table, with its line number in the file. */
    record Line(Path file, int number, String from, String to, String meaning) {

        /** A cell that must be a hub status (1-10). */
        int hubStatus(String cell) {
            try {
                int status = Integer.parseInt(cell);
                DossierStatus.of(status).orElseThrow();
                return status;
            } catch (RuntimeException e) {
                throw problem("hub_status must be a hub status 1-10");
            }
        }

        IllegalStateException problem(String what) {
            return new IllegalStateException("Status table " + file + " line " + number + ": " + what);
        }
    }

    private StatusCsv() {
    }

    static List<Line> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status table " + file, e);
        }
        List<Line> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", 3);
            rows.add(new Line(file, i + 1, cells[0].strip(), cells.length > 1 ? cells[1].strip() : "",
                    cells.length > 2 ? cells[2].strip() : ""));
        }
        return rows;
    }
}
