package vn.lgsp.hub.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.FeeKind;
import vn.lgsp.hub.cluster.ClusterProperties;
import vn.lgsp.hub.errors.SafeText;
import vn.lgsp.hub.platform.ExternalCalls;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * A refresh of the catalogue from the national procedure database, the steps of routes
 * {@code catalogue-refresh-from-procedures} and {@code catalogue-refresh-schedule}: a report is opened
 * ({@link #begin}), each mapped page of the national list is collected ({@link #collect}), and the whole list is
 * checked, compared with the national procedures the hub holds and stored with its differences in one transaction
 * ({@link #apply}). A failed fetch or an empty list changes nothing: the report says FAILED and why
 * ({@link #failed}), and the catalogue in force stays as it was.
 */
@Component("catalogueRefresh")
public class CatalogueRefresh {

    /** Exchange properties the routes carry between the steps. */
    public static final String REFRESH_ID = "catalogueRefreshId";
    /** The national procedure database's id in {@code hub.systems}. */
    public static final String SYSTEM = "procedures";
    static final String PAGE = "catalogueRefreshPage";
    static final String MORE_PAGES = "catalogueRefreshMorePages";
    static final String FETCHED = "catalogueRefreshFetched";
    /** A national list longer than this many pages is taken for a paging fault, not read on forever. */
    static final int MAX_PAGES = 1000;
    private static final Pattern PROCEDURE_CODE = Pattern.compile("^[0-9A-Za-z.\\-]{1,32}$");
    private static final Logger log = LoggerFactory.getLogger(CatalogueRefresh.class);

    /** One refresh as the administrators read it. */
    public record Report(long id, String trigger, String node, String state, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, Integer fetched, Integer added, Integer changed, Integer withdrawn,
                         Integer rejected, JsonNode differences, String failure) {
    }

    /** A field whose value the national list changed. */
    public record FieldChange(String field, Object from, Object to) {
    }

    /** What a refresh found different from the national procedures the hub held before it. */
    public record Differences(List<Map<String, Object>> added, List<Map<String, Object>> changed,
                              List<Map<String, Object>> withdrawn, List<Map<String, Object>> rejected) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NationalProcedures national;
    private final ProcedureCatalogue catalogue;
    private final ObjectMapper json;
    private final String nodeId;
    private final ExternalCalls calls;

    public CatalogueRefresh(JdbcClient jdbc, TransactionTemplate transactions, NationalProcedures national,
                            ProcedureCatalogue catalogue, ObjectMapper json, ClusterProperties cluster,
                            ExternalCalls calls) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.national = national;
        this.catalogue = catalogue;
        this.json = json;
        this.nodeId = cluster.nodeId();
        this.calls = calls;
    }

    /** Opens a report (RUNNING) for a refresh started by SCHEDULE or ADMIN; returns its id. */
    public long begin(String trigger) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalogue_refresh (trigger_source, node_id, state, started_at) VALUES (?, ?, 'RUNNING', ?)")
                .params(trigger, nodeId, DossierTrail.now()).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        log.info("Catalogue refresh {} started ({})", id, trigger);
        return id;
    }

    /** Starts reading the national list at its first page. */
    public void firstPage(Exchange exchange) {
        exchange.setProperty(PAGE, 1);
        exchange.setProperty(MORE_PAGES, true);
        exchange.setProperty(FETCHED, new ArrayList<JsonNode>());
    }

    /**
     * Keeps the procedures of one mapped page ({@code {page, pages, procedures}}) and says whether another page
     * follows.
     */
    public void collect(Exchange exchange) throws JsonProcessingException {
        JsonNode page = json.readTree(exchange.getMessage().getBody(String.class));
        @SuppressWarnings("unchecked")
        List<JsonNode> fetched = exchange.getProperty(FETCHED, List.class);
        page.path("procedures").forEach(fetched::add);
        int number = exchange.getProperty(PAGE, Integer.class);
        int pages = page.path("pages").asInt(1);
        if (number >= MAX_PAGES && pages > number) {
            throw new IllegalStateException("the national list claims more than " + MAX_PAGES + " pages");
        }
        exchange.setProperty(PAGE, number + 1);
        exchange.setProperty(MORE_PAGES, number < pages);
    }

    /** Checks the fetched list, stores it with its differences and closes the report DONE. */
    public Report apply(Exchange exchange) {
        long id = exchange.getProperty(REFRESH_ID, Long.class);
        @SuppressWarnings("unchecked")
        List<JsonNode> fetched = exchange.getProperty(FETCHED, List.class);
        List<Map<String, Object>> rejected = new ArrayList<>();
        Map<String, Procedure> valid = new LinkedHashMap<>();
        for (JsonNode item : fetched) {
            try {
                Procedure p = procedure(item);
                if (valid.putIfAbsent(p.code(), p) != null) {
                    throw new IllegalArgumentException("listed twice");
                }
            } catch (IllegalArgumentException e) {
                rejected.add(entry("code", item.path("code").asText(null), "reason", e.getMessage()));
            }
        }
        if (valid.isEmpty()) {
            throw new IllegalStateException("the national procedure database listed no usable procedure ("
                    + fetched.size() + " fetched); the catalogue in force is kept");
        }
        Differences differences = transactions.execute(tx -> {
            Map<String, Procedure> before = national.read();
            Differences found = differences(before, valid, rejected);
            store(id, before, valid);
            finish(id, "DONE", fetched.size(), found, null);
            return found;
        });
        national.reloadIfNewer();
        log.info("Catalogue refresh {} done: {} fetched, {} added, {} changed, {} withdrawn, {} rejected", id,
                fetched.size(), differences.added().size(), differences.changed().size(),
                differences.withdrawn().size(), rejected.size());
        return find(id).orElseThrow();
    }

    /** Closes the report FAILED with the reason (route configuration catalogue-refresh); nothing was stored. */
    public void failed(Exchange exchange) {
        Long id = exchange.getProperty(REFRESH_ID, Long.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure" : SafeText.printable(cause.getClass().getSimpleName() + ": "
                + cause.getMessage());
        log.warn("Catalogue refresh {} failed, the catalogue in force is kept: {}", id, reason);
        if (!(cause instanceof HttpOperationFailedException || cause instanceof IOException)) {
            // The calls answered (the console counted them as successes) but what they said is not usable.
            calls.record(SYSTEM, false, 0, "catalogue refresh " + id + ": " + reason);
        }
        if (id != null) {
            finish(id, "FAILED", null, null, reason);
        }
    }

    public Optional<Report> find(long id) {
        return jdbc.sql("SELECT * FROM catalogue_refresh WHERE id = ?").param(id).query(this::report).optional();
    }

    /** The latest refreshes, newest first. */
    public List<Report> latest(int limit) {
        return jdbc.sql("SELECT * FROM catalogue_refresh ORDER BY id DESC LIMIT ?").param(limit).query(this::report)
                .list();
    }

    /** Added, changed (field by field) and withdrawn procedures; each noting whether the operator's file overrides it. */
    Differences differences(Map<String, Procedure> before, Map<String, Procedure> after,
                            List<Map<String, Object>> rejected) {
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        List<Map<String, Object>> withdrawn = new ArrayList<>();
        for (Procedure p : after.values()) {
            Procedure old = before.get(p.code());
            if (old == null) {
                added.add(entry("code", p.code(), "name", p.name(), "overriddenByFile", inFile(p.code())));
            } else {
                List<FieldChange> fields = changes(old, p);
                if (!fields.isEmpty()) {
                    changed.add(entry("code", p.code(), "name", p.name(), "fields", fields,
                            "overriddenByFile", inFile(p.code())));
                }
            }
        }
        for (Procedure p : before.values()) {
            if (!after.containsKey(p.code())) {
                withdrawn.add(entry("code", p.code(), "name", p.name(), "overriddenByFile", inFile(p.code())));
            }
        }
        return new Differences(added, changed, withdrawn, rejected);
    }

    static List<FieldChange> changes(Procedure old, Procedure now) {
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "name", old.name(), now.name());
        change(changes, "fieldCode", old.fieldCode(), now.fieldCode());
        change(changes, "fieldName", old.fieldName(), now.fieldName());
        change(changes, "level", old.level(), now.level());
        change(changes, "processingDays", old.processingDays(), now.processingDays());
        change(changes, "fees", old.fees(), now.fees());
        return changes;
    }

    private static void change(List<FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    private boolean inFile(String code) {
        return catalogue.inFile(code).isPresent();
    }

    /** One mapped procedure, checked as the file's rows are (docs/catalogue.md, Format). */
    static Procedure procedure(JsonNode item) {
        String code = text(item, "code");
        if (code == null || !PROCEDURE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a procedure code such as 1.001193");
        }
        String name = required(item, "name");
        String fieldCode = required(item, "fieldCode");
        String fieldName = required(item, "fieldName");
        Procedure.Level level;
        try {
            level = Procedure.Level.valueOf(String.valueOf(text(item, "level")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level is not FULL_ONLINE, PARTIAL_ONLINE or IN_PERSON_ONLY");
        }
        JsonNode days = item.path("processingDays");
        if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 0 || days.asInt() > 365) {
            throw new IllegalArgumentException("processing time is not 0-365 working days");
        }
        List<Procedure.CatalogueFee> fees = new ArrayList<>();
        for (JsonNode fee : item.path("fees")) {
            String feeCode = required(fee, "code");
            JsonNode amount = fee.path("amount");
            if (!amount.isIntegralNumber() || amount.asLong() < 0) {
                throw new IllegalArgumentException("fee " + feeCode + " has no amount in whole VND");
            }
            FeeKind kind;
            try {
                kind = FeeKind.valueOf(String.valueOf(text(fee, "kind")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fee " + feeCode + " is neither FEE nor CHARGE");
            }
            if (fees.stream().anyMatch(f -> f.code().equals(feeCode))) {
                throw new IllegalArgumentException("fee " + feeCode + " is listed twice");
            }
            fees.add(new Procedure.CatalogueFee(feeCode, required(fee, "name"), amount.asLong(), kind));
        }
        return new Procedure(code, name, fieldCode, fieldName, level, days.asInt(), fees);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText().strip();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        return value;
    }

    private void store(long id, Map<String, Procedure> before, Map<String, Procedure> after) {
        for (Procedure p : before.values()) {
            if (!after.containsKey(p.code())) {
                jdbc.sql("DELETE FROM national_procedure WHERE procedure_code = ?").param(p.code()).update();
            }
        }
        for (Procedure p : after.values()) {
            if (p.equals(before.get(p.code()))) {
                continue;
            }
            int updated = jdbc.sql("UPDATE national_procedure SET procedure_name = ?, field_code = ?, field_name = ?, "
                            + "level = ?, processing_days = ?, fees = ?, refresh_id = ? WHERE procedure_code = ?")
                    .params(p.name(), p.fieldCode(), p.fieldName(), p.level().name(), p.processingDays(),
                            national.feesJson(p.fees()), id, p.code()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO national_procedure (procedure_code, procedure_name, field_code, field_name, "
                                + "level, processing_days, fees, refresh_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(p.code(), p.name(), p.fieldCode(), p.fieldName(), p.level().name(),
                                p.processingDays(), national.feesJson(p.fees()), id).update();
            }
        }
    }

    private void finish(long id, String state, Integer fetched, Differences d, String failure) {
        String differences;
        try {
            differences = d == null ? null : json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("UPDATE catalogue_refresh SET state = ?, finished_at = ?, fetched = ?, added = ?, changed = ?, "
                        + "withdrawn = ?, rejected = ?, differences = ?, failure = ? WHERE id = ?")
                .params(state, DossierTrail.now(), fetched, d == null ? null : d.added().size(),
                        d == null ? null : d.changed().size(), d == null ? null : d.withdrawn().size(),
                        d == null ? null : d.rejected().size(), differences, failure, id)
                .update();
    }

    private Report report(ResultSet rs, int row) throws SQLException {
        String differences = rs.getString("differences");
        JsonNode tree;
        try {
            tree = differences == null ? null : json.readTree(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Report(rs.getLong("id"), rs.getString("trigger_source"), rs.getString("node_id"),
                rs.getString("state"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("fetched", Integer.class),
                rs.getObject("added", Integer.class), rs.getObject("changed", Integer.class),
                rs.getObject("withdrawn", Integer.class), rs.getObject("rejected", Integer.class), tree,
                rs.getString("failure"));
    }

    private static Map<String, Object> entry(Object... keysAndValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entry.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return entry;
    }
}
