package vn.lgsp.hub.sectors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;
import vn.lgsp.hub.platform.WatchedFile;

/**
 * The sector routing table, {@code mappings/routing/sector-routes.csv}: which sector system handles a dossier,
 * by procedure code and competent agency code. Operators edit the file; the hub re-reads it when its modification
 * time changes (checked at most once per {@code hub.routing.reload-check}). A row is
 * {@code procedure,agency,system}; procedure and agency are exact codes or prefixes ending in {@code *}
 * ({@code *} alone matches every agency).
 *
 * <p>Precedence, most specific first: an exact procedure beats a procedure prefix, a longer prefix beats a shorter
 * one; among rules equal on the procedure, an exact agency beats an agency prefix, a longer prefix a shorter one,
 * and {@code *} comes last. Two rules equally specific for the same dossier but naming different systems are an
 * error in the file.
 */
@Component
public class SectorRoutingTable {

    public static final String FILE = "routing/sector-routes.csv";

    /** One row of the table. */
    public record Rule(String procedure, String agency, String system, int line) {

        boolean matches(String procedureCode, String agencyCode) {
            return fits(procedure, procedureCode) && fits(agency, agencyCode);
        }

        private static boolean fits(String pattern, String value) {
            return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(value);
        }

        /** Larger is more specific: exactness and prefix length of the procedure, then of the agency. */
        long specificity() {
            return weight(procedure) * 1000 + weight(agency);
        }

        private static long weight(String pattern) {
            return pattern.endsWith("*") ? pattern.length() - 1 : 500;
        }
    }

    private final Path file;
    private final Set<String> knownSystems;
    private final WatchedFile<List<Rule>> table;

    @Autowired
    public SectorRoutingTable(HubProperties properties, RoutingProperties routing) {
        this(properties, routing.reloadCheck());
    }

    SectorRoutingTable(HubProperties properties, Duration reloadCheck) {
        this.file = MappingFiles.path(properties.mappingsDir()).resolve(FILE);
        this.knownSystems = properties.systems().keySet();
        this.table = new WatchedFile<>(file, "Sector routing table", reloadCheck, this::parse); // invalid: no start
    }

    /** The sector system that handles this procedure at this agency, if any rule matches. */
    public Optional<String> resolve(String procedureCode, String agencyCode) {
        return rules().stream().filter(r -> r.matches(procedureCode, agencyCode))
                .max(Comparator.comparingLong(Rule::specificity)).map(Rule::system);
    }

    public List<Rule> rules() {
        return table.current();
    }

    private List<Rule> parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("procedure_code")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank() || cells[2].isBlank()) {
                throw problem(i + 1, "expected procedure_code,agency_code,system");
            }
            Rule rule = new Rule(cells[0].strip(), cells[1].strip(), cells[2].strip(), i + 1);
            if (rule.procedure().indexOf('*') >= 0 && rule.procedure().indexOf('*') != rule.procedure().length() - 1
                    || rule.agency().indexOf('*') >= 0 && rule.agency().indexOf('*') != rule.agency().length() - 1) {
                throw problem(i + 1, "'*' may only end a code");
            }
            if (!knownSystems.contains(rule.system())) {
                throw problem(i + 1, "unknown system '" + rule.system() + "' (not configured under hub.systems)");
            }
            for (Rule other : rules) {
                if (other.procedure().equals(rule.procedure()) && other.agency().equals(rule.agency())) {
                    throw problem(i + 1, "same procedure and agency as line " + other.line());
                }
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private IllegalStateException problem(int line, String what) {
        return new IllegalStateException("Sector routing table " + file + " line " + line + ": " + what);
    }
}
