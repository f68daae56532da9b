package vn.lgsp.hub.statuses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;

/**
 * Each sector system's own status vocabulary mapped to the hub's statuses (DVCQG TrangThaiHoSo 1-10), read from
 * {@code mappings/<system>/status.<system>-to-hub.csv} ({@code sector_status,hub_status,meaning}). Tables are
 * read once per system and re-read when the file changes, so an operator fixes a table without a restart.
 */
@Component
public class SectorStatusTables {

    private record Table(IncomingStatuses statuses, long modified) {
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
        return table(system).statuses().hubStatus(sectorStatus);
    }

    /** Whether the system has a status table at all. */
    public boolean exists(String system) {
        return Files.isRegularFile(mappingsDir.resolve(fileOf(system)));
    }

    private Table table(String system) {
        Path file = mappingsDir.resolve(fileOf(system));
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            return tables.compute(system, (k, cached) -> cached != null && cached.modified() == modified ? cached
                    : new Table(IncomingStatuses.read(file), modified));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status table " + file, e);
        }
    }
}
