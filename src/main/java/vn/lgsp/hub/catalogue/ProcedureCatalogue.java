package vn.lgsp.hub.catalogue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.canonical.FeeKind;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;
import vn.lgsp.hub.platform.WatchedFile;

/**
 * The procedure catalogue, {@code mappings/catalogue/procedures.csv} (docs/catalogue.md): procedure code, name,
 * field of activity, level, statutory processing time in working days and fees. An operator edits the file; it is
 * checked at start-up (a broken row stops the hub, naming file and line) and re-read when it changes (a broken
 * edit is logged and the last good catalogue stays in use), like the sector routing table.
 *
 * <p>At intake it completes a dossier from facts the state already published: the procedure's name when the
 * dossier has none, its field of activity (DVCQG MaLinhVuc, TenLinhVuc), its due date (received + statutory working
 * days) when the dossier has none, and each fee's kind. It refuses nothing: an unknown procedure or a fee code the
 * catalogue does not list for the procedure is accepted with a warning for the trail and counted.
 *
 * <p>Where a national procedure database is configured, its procedures ({@link NationalProcedures}, refreshed by
 * {@link CatalogueRefresh}) fill what the file lacks: a procedure the file lists is used as the file says (the
 * operator's override); a procedure only the national list holds is used as the national list says.
 */
@Component
public class ProcedureCatalogue {

    public static final String FILE = "catalogue/procedures.csv";
    static final String HEADER = "procedure_code,procedure_name,field_code,field_name,level,processing_days,fees";
    private static final Pattern PROCEDURE_CODE = Pattern.compile("^[0-9A-Za-z.\\-]{1,32}$");

    /** The dossier completed from the catalogue, and what the catalogue found wrong with it (for the trail). */
    public record Completion(Dossier dossier, List<String> warnings) {
    }

    private final WatchedFile<Map<String, Procedure>> procedures;
    private final Supplier<Map<String, Procedure>> national;
    private final Counter unknownProcedures;
    private final Counter unlistedFees;

    @Autowired
    public ProcedureCatalogue(HubProperties properties, CatalogueProperties catalogue, MeterRegistry meters,
                              NationalProcedures national) {
        this(MappingFiles.path(properties.mappingsDir()), catalogue.reloadCheck(), meters, national::current);
    }

    /** The catalogue under this mappings directory, without a national list. */
    ProcedureCatalogue(Path mappingsDir, Duration reloadCheck, MeterRegistry meters) {
        this(mappingsDir, reloadCheck, meters, Map::of);
    }

    /** The catalogue under this mappings directory, the national list filling what the file lacks. */
    ProcedureCatalogue(Path mappingsDir, Duration reloadCheck, MeterRegistry meters,
                       Supplier<Map<String, Procedure>> national) {
        Path file = mappingsDir.resolve(FILE);
        this.national = national;
        this.procedures = new WatchedFile<>(file, "Procedure catalogue", reloadCheck,
                lines -> parse(file.toString(), lines));
        this.unknownProcedures = Counter.builder("hub.catalogue.procedures.unknown")
                .description("Dossiers accepted for a procedure the catalogue does not list").register(meters);
        this.unlistedFees = Counter.builder("hub.catalogue.fees.unlisted")
                .description("Fees accepted with a code the catalogue does not list for the procedure")
                .register(meters);
    }

    /** The procedure as the file lists it, else as the national list has it. */
    public Optional<Procedure> find(String procedureCode) {
        Procedure listed = procedures.current().get(procedureCode);
        return Optional.ofNullable(listed != null ? listed : national.get().get(procedureCode));
    }

    /** The procedure as the operator's file lists it (which overrides the national list), if it does. */
    public Optional<Procedure> inFile(String procedureCode) {
        return Optional.ofNullable(procedures.current().get(procedureCode));
    }

    /** Every procedure: the file's, and the national list's the file does not list. */
    public List<Procedure> all() {
        Map<String, Procedure> all = new LinkedHashMap<>(national.get());
        all.putAll(procedures.current());
        return List.copyOf(all.values());
    }

    /** Completes an accepted dossier (its receivedAt set) from the catalogue; never refuses it. */
    public Completion complete(Dossier dossier) {
        Optional<Procedure> found = find(dossier.procedureCode());
        if (found.isEmpty()) {
            unknownProcedures.increment();
            return new Completion(dossier, List.of("procedure " + dossier.procedureCode() + " is not in the "
                    + "catalogue (" + FILE + " nor the national list); accepted as submitted (no field of activity, "
                    + "no computed due date)"));
        }
        Procedure procedure = found.get();
        List<String> warnings = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        for (Fee fee : dossier.fees()) {
            Optional<Procedure.CatalogueFee> listed = fee.code() == null ? Optional.empty() : procedure.fee(fee.code());
            if (listed.isEmpty()) {
                unlistedFees.increment();
                warnings.add("fee " + (fee.code() == null ? "without a code" : fee.code()) + " is not listed for "
                        + "procedure " + procedure.code() + " in the catalogue; accepted as submitted");
            }
            fees.add(fee.kind() == null && listed.isPresent() ? fee.withKind(listed.get().kind()) : fee);
        }
        Dossier completed = dossier.copy(d -> {
            if (d.procedureName == null || d.procedureName.isBlank()) {
                d.procedureName = procedure.name();
            }
            if (d.fieldCode == null && d.fieldName == null) {
                d.fieldCode = procedure.fieldCode();
                d.fieldName = procedure.fieldName();
            }
            if (d.dueAt == null && d.receivedAt != null) {
                d.dueAt = WorkingDays.after(d.receivedAt, procedure.processingDays());
            }
            d.fees = fees;
        });
        return new Completion(completed, warnings);
    }

    /** Parses and checks the catalogue's lines; throws naming the file and line of the first problem. */
    static Map<String, Procedure> parse(String file, List<String> lines) {
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER)) {
                continue;
            }
            int number = i + 1;
            List<String> cells;
            try {
                cells = Csv.cells(line);
            } catch (IllegalArgumentException e) {
                throw problem(file, number, e.getMessage());
            }
            if (cells.size() != 7) {
                throw problem(file, number, "expected " + HEADER + " (7 cells, " + cells.size() + " found)");
            }
            String code = cells.get(0);
            if (!PROCEDURE_CODE.matcher(code).matches()) {
                throw problem(file, number, "procedure_code '" + code + "' is not a procedure code such as 1.001193");
            }
            for (int c = 1; c <= 3; c++) {
                if (cells.get(c).isBlank()) {
                    throw problem(file, number, HEADER.split(",")[c] + " is empty");
                }
            }
            Procedure.Level level;
            try {
                level = Procedure.Level.valueOf(cells.get(4));
            } catch (IllegalArgumentException e) {
                throw problem(file, number, "level must be FULL_ONLINE, PARTIAL_ONLINE or IN_PERSON_ONLY");
            }
            int days;
            try {
                days = Integer.parseInt(cells.get(5));
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0 || days > 365) {
                throw problem(file, number, "processing_days must be a number of working days, 0-365");
            }
            List<Procedure.CatalogueFee> fees = fees(file, number, cells.get(6));
            if (lineOf.containsKey(code)) {
                throw problem(file, number, "procedure " + code + " is already on line " + lineOf.get(code));
            }
            lineOf.put(code, number);
            byCode.put(code, new Procedure(code, cells.get(1), cells.get(2), cells.get(3), level, days, fees));
        }
        return Map.copyOf(byCode);
    }

    /** {@code code|name|amount|FEE or CHARGE}, several separated by {@code ;}; empty for a procedure without fees. */
    private static List<Procedure.CatalogueFee> fees(String file, int line, String cell) {
        List<Procedure.CatalogueFee> fees = new ArrayList<>();
        if (cell.isBlank()) {
            return fees;
        }
        for (String entry : cell.split(";")) {
            String[] parts = entry.strip().split("\\|", -1);
            if (parts.length != 4 || parts[0].isBlank() || parts[1].isBlank()) {
                throw problem(file, line, "fee '" + entry.strip() + "' must be code|name|amount|FEE or CHARGE");
            }
            long amount;
            FeeKind kind;
            try {
                amount = Long.parseLong(parts[2].strip());
                kind = FeeKind.valueOf(parts[3].strip());
            } catch (IllegalArgumentException e) {
                throw problem(file, line, "fee '" + entry.strip() + "' must be code|name|amount|FEE or CHARGE "
                        + "(amount a whole number of VND)");
            }
            if (amount < 0) {
                throw problem(file, line, "fee " + parts[0].strip() + " has a negative amount");
            }
            String code = parts[0].strip();
            if (fees.stream().anyMatch(f -> f.code().equals(code))) {
                throw problem(file, line, "fee " + code + " is listed twice");
            }
            fees.add(new Procedure.CatalogueFee(code, parts[1].strip(), amount, kind));
        }
        return fees;
    }

    private static IllegalStateException problem(String file, int line, String what) {
        return new IllegalStateException("Procedure catalogue " + file + " line " + line + ": " + what);
    }
}
