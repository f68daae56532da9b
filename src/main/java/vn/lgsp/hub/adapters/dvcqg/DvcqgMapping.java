package vn.lgsp.hub.adapters.dvcqg;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.statuses.DvcqgStatusTable;

/**
 * Runs the JSONata mappings of {@code mappings/dvcqg/} (canonical -> DVCQG dossier, status changes -> progress
 * steps) and shapes the parameters and answers of the portal's services for the routes of {@code routes/dvcqg/}. The mappings may call {@code $dvcqgDate(iso)} (the one place dates become {@code yyyyMMddHHmmss} in
 * Asia/Ho_Chi_Minh), {@code $trangThaiHoSo(status)} and {@code $tenTrangThai(status)} (the status table).
 */
@Component
public class DvcqgMapping {

    public static final String DOSSIER = "dvcqg/dossier.canonical-to-dvcqg.jsonata";
    public static final String PROGRESS = "dvcqg/progress.canonical-to-dvcqg.jsonata";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DVCQG_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ObjectMapper mapper;
    private final DvcqgStatusTable statuses;
    // Compiled expressions hold evaluation state, so each thread gets its own.
    private final ThreadLocal<Jsonata> dossier;
    private final ThreadLocal<Jsonata> progress;

    @Autowired
    public DvcqgMapping(HubProperties hub, DvcqgStatusTable statuses, ObjectMapper mapper) {
        this(hub.mappingsDir(), statuses, mapper);
    }

    /** The mapping under this mappings directory. */
    public DvcqgMapping(String mappingsDir, DvcqgStatusTable statuses, ObjectMapper mapper) {
        this.mapper = mapper;
        this.statuses = statuses;
        String dossierText = read(mappingsDir, DOSSIER);
        String progressText = read(mappingsDir, PROGRESS);
        this.dossier = ThreadLocal.withInitial(() -> compile(dossierText));
        this.progress = ThreadLocal.withInitial(() -> compile(progressText));
        compile(dossierText);
        compile(progressText);
    }

    /** Input {dossier, history} -> one DongBoHoSoMC dossier. */
    public JsonNode dossier(JsonNode input) {
        return run(dossier.get(), input);
    }

    /** Input {dossierCode, agencyCode, dueAt, steps} -> an array of CapNhatTienDoHoSoMC steps. */
    public ArrayNode progress(JsonNode input) {
        JsonNode result = run(progress.get(), input);
        return result.isArray() ? (ArrayNode) result : mapper.createArrayNode().add(result);
    }

    /** TraCuuHoSo's parameters. */
    public ObjectNode lookupParams(String dossierCode) {
        return mapper.createObjectNode().put("MaHoSo", dossierCode);
    }

    /** The portal's record of the dossier in a TraCuuHoSo answer, or null when it holds none. */
    public JsonNode heldDossier(JsonNode answer) {
        JsonNode result = answer.path("result");
        if (result.isArray()) {
            return result.isEmpty() ? null : result.get(0);
        }
        return result.isObject() ? result : null;
    }

    /**
     * DongBoHoSoMC's parameters: inserts ({@code updating} false) or replaces whole dossiers, one (an object) or
     * several (an array, one call for a batch).
     */
    public ObjectNode syncDossiersParams(JsonNode dossiers, boolean updating) {
        ObjectNode params = mapper.createObjectNode().put("isUpdating", updating ? "True" : "False");
        ArrayNode data = params.putArray("data");
        if (dossiers.isArray()) {
            data.addAll((ArrayNode) dossiers);
        } else {
            data.add(dossiers);
        }
        return params;
    }

    /** CapNhatTienDoHoSoMC's parameters: processing steps to append, in the order given. */
    public ObjectNode progressParams(ArrayNode steps) {
        ObjectNode params = mapper.createObjectNode();
        params.set("data", steps);
        return params;
    }

    /** The identity of a progress step at the portal: its moment and its TrangThai. */
    public String stepKey(int hubStatus, OffsetDateTime at) {
        return dvcqgDate(at.toString()) + "|" + statuses.trangThaiHoSo(hubStatus);
    }

    /**
     * The identities of the progress steps a TraCuuHoSo answer lists ({@code QuaTrinhXuLy}), or empty when the
     * answer lists none (a portal that does not report progress).
     */
    public Optional<Set<String>> heldStepKeys(JsonNode portalDossier) {
        JsonNode progress = portalDossier.get("QuaTrinhXuLy");
        if (progress == null || !progress.isArray()) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        progress.forEach(s -> keys.add(s.path("ThoiDiemXuLy").asText() + "|" + s.path("TrangThai").asText()));
        return Optional.of(keys);
    }

    /** An ISO-8601 date-time as DVCQG writes it: yyyyMMddHHmmss, Vietnam time. */
    public static String dvcqgDate(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).format(DVCQG_DATE);
    }

    private JsonNode run(Jsonata expression, JsonNode input) {
        Object plain = mapper.convertValue(input, Object.class);
        Object result = expression.evaluate(plain);
        return mapper.valueToTree(result);
    }

    private Jsonata compile(String text) {
        return withFunctions(Jsonata.jsonata(text), statuses);
    }

    /** Registers the functions the DVCQG mappings may call; the golden-file kit runs mappings with them too. */
    public static Jsonata withFunctions(Jsonata expression, DvcqgStatusTable statuses) {
        expression.registerFunction("dvcqgDate", (String iso) -> dvcqgDate(iso));
        expression.registerFunction("trangThaiHoSo", (Number status) -> status == null ? null
                : statuses.trangThaiHoSo(status.intValue()));
        expression.registerFunction("tenTrangThai", (Number status) -> status == null ? null
                : statuses.name(status.intValue()));
        return expression;
    }

    private static String read(String mappingsDir, String file) {
        try {
            return new DefaultResourceLoader().getResource(mappingsDir + "/" + file)
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping " + file, e);
        }
    }
}
