package vn.lgsp.hub.sectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.lgsp.hub.canonical.DossierStatus;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;
import org.springframework.stereotype.Component;

/**
 * Each sector system's own status vocabulary mapped to the hub's statuses (DVCQG TrangThaiHoSo 1-10), read from
 * {@code mappings/<system>/status.<system>-to-hub.csv} ({@code sector_status,hub_status,meaning}). Tables are
 * read once per system and re-read when the file changes, so an operator fixes a table without a restart.
 */
@Component
public class SectorStatusTables {

    private record Table(Map<String, Integer> codes, long modified) {
    }

    private final Path mappingsDir;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    public SectorStatusTables(HubProperties properties) {
        this.mappingsDir = MappingFiles.path(properties.mappingsDir());
    }

    public static String fileOf(String system) {
        return system + "/status." + system + "-to-hub.csv";
    }

    /** The hub status for a sector system's status code, if the system's table has it. */
    public Optional<Integer> hubStatus(String system, String sectorStatus) {
        return Optional.ofNullable(table(system).codes().get(sectorStatus.strip()));
    }

    /** Whether the system has a status table at all. */
    public boolean exists(String system) {
        return Files.isRegularFile(mappingsDir.resolve(fileOf(system)));
    }

    private Table table(String system) {
        Path file = mappingsDir.resolve(fileOf(system));
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            return tables.compute(system, (k, cached) ->
                    cached != null && cached.modified() == modified ? cached : new Table(read(file), modified));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status table " + file, e);
        }
    }

    /** Reads and checks a table; the message of a failure names the file and the line. */
    public static Map<String, Integer> read(Path file) {
        Map<String, Integer> codes = new HashMap<>();
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean header = true;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // the first line that is not a comment names the columns
                    continue;
                }
                String[] cells = line.split(",", 3);
                if (cells.length > 1 && cells[1].isBlank()) {
                    continue; // an empty hub_status: the code is known but changes no dossier status
                }
                int hub;
                try {
                    hub = Integer.parseInt(cells.length > 1 ? cells[1].strip() : "");
                    DossierStatus.of(hub).orElseThrow();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Status table " + file + " line " + (i + 1)
                            + ": hub_status must be a hub status 1-10");
                }
                if (codes.put(cells[0].strip(), hub) != null) {
                    throw new IllegalStateException("Status table " + file + " line " + (i + 1)
                            + ": status '" + cells[0].strip() + "' appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status table " + file, e);
        }
        return Map.copyOf(codes);
    }
}
