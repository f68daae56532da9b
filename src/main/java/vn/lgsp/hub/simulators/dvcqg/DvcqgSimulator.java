package vn.lgsp.hub.simulators.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;
import vn.lgsp.hub.simulators.support.CompactJson;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the National Public Service Portal (docs/contracts.md "National Public Service Portal (DVCQG)").
 * Login with {@code dstcode} and credentials gives a session that expires after a configurable time or number of
 * calls (answered with {@code error_code} {@value #SESSION_EXPIRED}); {@code TraCuuHoSo} answers what it holds;
 * {@code DongBoHoSoMC} stores whole dossiers (insert, or replace when {@code isUpdating} is "True");
 * {@code CapNhatTienDoHoSoMC} appends progress steps, duplicates included, as an append-only portal would. Both
 * writes take several items in {@code data:[…]} (several dossiers, and the steps of several dossiers) and answer per
 * item in {@code result:[{MaHoSo, error_code, message}]}; a call is stored whole or not at all: one invalid item,
 * or more items than the limit ({@code PUT limits/max-items/{n}}), rejects the call. Invalid data, and dossiers
 * flagged poison through {@code PUT poison/{MaHoSo}}, are answered {@code error_code} {@value #INVALID_DATA}.
 * {@code received} lists the progress steps by identity with their arrival counts; {@code dossiers} lists what it
 * holds per dossier, in arrival order; {@code calls} counts the calls and their items per service.
 */
@RestController
@RequestMapping("/sim/dvcqg")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class DvcqgSimulator extends SimulatorController<JsonNode> {

    public static final int OK = 0;
    public static final int INVALID_DATA = 1;
    public static final int SESSION_EXPIRED = 2;
    public static final int LOGIN_REFUSED = 3;
    public static final int STATE_CONFLICT = 4;
    private static final Pattern DATE = Pattern.compile("^\\d{14}$");

    /** A session token's life: seconds and calls (0 = unlimited). */
    public record SessionPolicy(Long ttlSeconds, Integer maxCalls) {
    }

    private record Session(Instant issuedAt, int calls) {
    }

    /**
     * What the portal holds for one dossier. The dossier and its arrivals are kept compact ({@link CompactJson}), read
     * into a tree when asked for: the simulator runs in the hub's JVM and holds every dossier of the run.
     */
    public static final class Held {
        private CompactJson dossier;
        private int status;
        private int inserts;
        private int updates;
        private final List<CompactJson> dossierArrivals = new ArrayList<>();
        private final List<JsonNode> progress = new ArrayList<>();

        /** A copy of the dossier as the portal holds it (null when it holds none); changing it changes nothing. */
        public synchronized JsonNode dossier() {
            return dossier == null ? null : dossier.tree();
        }

        public synchronized int status() {
            return status;
        }

        public synchronized boolean holds() {
            return dossier != null;
        }

        private void hold(JsonNode held) {
            dossier = CompactJson.of(held);
            status = held.path("TrangThaiHoSo").asInt();
        }

        public synchronized List<JsonNode> progress() {
            return List.copyOf(progress);
        }

        public synchronized int inserts() {
            return inserts;
        }

        public synchronized int updates() {
            return updates;
        }

        synchronized Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("dossier", dossier());
            view.put("inserts", inserts);
            view.put("updates", updates);
            view.put("dossierArrivals", dossierArrivals.stream().map(CompactJson::tree).toList());
            view.put("progress", List.copyOf(progress));
            Map<String, Integer> arrivals = new LinkedHashMap<>();
            progress.forEach(step -> arrivals.merge(stepKey(step), 1, Integer::sum));
            view.put("progressArrivals", arrivals);
            return view;
        }
    }

    private final DvcqgProperties config;
    private final ObjectMapper mapper;
    // In first-arrival order, for the inspection endpoint.
    private final Map<String, Held> held = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> items = new ConcurrentHashMap<>();
    private volatile int maxItems;
    private volatile SessionPolicy sessionPolicy = new SessionPolicy(1800L, 0);

    public DvcqgSimulator(DvcqgProperties config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @PostMapping("${hub.systems.dvcqg.auth-path:/api/auth/login}")
    public ResponseEntity<JsonNode> login(@RequestHeader(name = "dstcode", required = false) String dstcode,
                                          @RequestBody JsonNode credentials) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(answer(99, "Hệ thống đang bận (injected fault)"));
        }
        if (!config.dstcode().equals(dstcode) || !config.username().equals(credentials.path("username").asText())
                || !config.password().equals(credentials.path("password").asText())) {
            return ResponseEntity.ok(answer(LOGIN_REFUSED, "Sai thông tin đăng nhập"));
        }
        String token = UUID.randomUUID().toString();
        sessions.put(token, new Session(Instant.now(), 0));
        logins.incrementAndGet();
        return ResponseEntity.ok(answer(OK, "Đăng nhập thành công").put("session", token));
    }

    @PostMapping("${hub.systems.dvcqg.integration-path:/api/integration}")
    public ResponseEntity<JsonNode> integration(@RequestHeader(name = "dstcode", required = false) String dstcode,
                                                @RequestBody JsonNode request) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(answer(99, "Hệ thống đang bận (injected fault)"));
        }
        if (!config.dstcode().equals(dstcode)) {
            return ResponseEntity.ok(answer(LOGIN_REFUSED, "dstcode không hợp lệ"));
        }
        if (!useSession(request.path("session").asText(""))) {
            return ResponseEntity.ok(answer(SESSION_EXPIRED, "Phiên làm việc đã hết hạn"));
        }
        String service = request.path("service").asText("");
        calls.computeIfAbsent(service, k -> new AtomicLong()).incrementAndGet();
        items.computeIfAbsent(service, k -> new AtomicLong()).addAndGet(Math.max(1, request.path("data").size()));
        ObjectNode answer = switch (service) {
            case "TraCuuHoSo" -> lookup(request.path("MaHoSo").asText(""));
            case "DongBoHoSoMC" -> syncDossiers("True".equals(request.path("isUpdating").asText()), request.path("data"));
            case "CapNhatTienDoHoSoMC" -> appendProgress(request.path("data"));
            default -> answer(INVALID_DATA, "Dịch vụ không được hỗ trợ: " + service);
        };
        boolean write = !"TraCuuHoSo".equals(service) && answer.path("error_code").asInt() == OK;
        if (write && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // Stored, but the caller never hears so: a gateway timeout after the portal committed.
            return ResponseEntity.status(504).body(answer(99, "Gateway timeout (injected after storing)"));
        }
        return ResponseEntity.ok(answer);
    }

    private boolean useSession(String token) {
        SessionPolicy policy = sessionPolicy;
        Session updated = sessions.computeIfPresent(token, (t, s) -> new Session(s.issuedAt(), s.calls() + 1));
        if (updated == null) {
            return false;
        }
        boolean tooOld = policy.ttlSeconds() != null && policy.ttlSeconds() > 0
                && updated.issuedAt().plus(Duration.ofSeconds(policy.ttlSeconds())).isBefore(Instant.now());
        boolean tooMany = policy.maxCalls() != null && policy.maxCalls() > 0 && updated.calls() > policy.maxCalls();
        if (tooOld || tooMany) {
            sessions.remove(token);
            return false;
        }
        return true;
    }

    private ObjectNode lookup(String code) {
        Held h = held.get(code);
        ObjectNode answer = answer(OK, h == null ? "Không tìm thấy hồ sơ" : "Thành công");
        ArrayNode result = answer.putArray("result");
        if (h != null) {
            synchronized (h) {
                if (h.dossier != null) {
                    ObjectNode copy = (ObjectNode) h.dossier();
                    copy.putArray("QuaTrinhXuLy").addAll(h.progress);
                    result.add(copy);
                }
            }
        }
        return answer;
    }

    private ObjectNode syncDossiers(boolean updating, JsonNode data) {
        ObjectNode refused = tooFew(data);
        if (refused != null) {
            return refused;
        }
        PerItem perItem = new PerItem();
        for (JsonNode dossier : data) {
            String invalid = invalidDossier(dossier);
            Held h = held.get(dossier.path("MaHoSo").asText());
            boolean exists = h != null && h.holds();
            if (invalid != null) {
                perItem.add(dossier, INVALID_DATA, "Dữ liệu hồ sơ không hợp lệ: " + invalid);
            } else if (exists != updating) {
                perItem.add(dossier, STATE_CONFLICT, exists ? "Hồ sơ đã tồn tại" : "Hồ sơ chưa tồn tại");
            } else {
                perItem.add(dossier, OK, "Hợp lệ");
            }
        }
        if (perItem.firstError != null) {
            return perItem.outcome();
        }
        for (JsonNode dossier : data) {
            Held h = held.computeIfAbsent(dossier.path("MaHoSo").asText(), c -> new Held());
            synchronized (h) {
                if (h.dossier == null) {
                    h.inserts++;
                } else {
                    h.updates++;
                }
                h.hold(dossier);
                h.dossierArrivals.add(CompactJson.of(dossier));
            }
        }
        return perItem.outcome();
    }

    /** A call without items, or with more than the limit: refused whole. */
    private ObjectNode tooFew(JsonNode data) {
        if (!data.isArray() || data.isEmpty()) {
            return answer(INVALID_DATA, "Thiếu data");
        }
        int limit = maxItems;
        if (limit > 0 && data.size() > limit) {
            return answer(INVALID_DATA, "Vượt quá số lượng cho phép trong một lần gọi: " + data.size() + " > " + limit);
        }
        return null;
    }

    /** The answer of a write, item by item: its first error (nothing stored) or success. */
    private final class PerItem {
        private final ArrayNode result = mapper.createArrayNode();
        private ObjectNode firstError;

        void add(JsonNode item, int code, String message) {
            ObjectNode outcome = result.addObject().put("MaHoSo", item.path("MaHoSo").asText())
                    .put("error_code", code).put("message", message);
            if (code != OK && firstError == null) {
                firstError = outcome;
            }
        }

        ObjectNode outcome() {
            ObjectNode answer = firstError == null ? answer(OK, "Thành công")
                    : answer(firstError.path("error_code").asInt(), firstError.path("message").asText()
                    + (result.size() > 1 ? " (" + firstError.path("MaHoSo").asText() + "; không lưu mục nào)" : ""));
            answer.set("result", result);
            return answer;
        }
    }

    private String invalidDossier(JsonNode d) {
        String code = d.path("MaHoSo").asText("");
        if (code.isBlank()) {
            return "MaHoSo";
        }
        if (poison.contains(code)) {
            return "MaHoSo " + code + " bị từ chối";
        }
        if (d.path("MaTTHC").asText("").isBlank()) {
            return "MaTTHC";
        }
        int status = d.path("TrangThaiHoSo").asInt(0);
        if (status < 1 || status > 10) {
            return "TrangThaiHoSo";
        }
        if (!DATE.matcher(d.path("NgayTiepNhan").asText("")).matches()) {
            return "NgayTiepNhan";
        }
        return null;
    }

    private ObjectNode appendProgress(JsonNode data) {
        ObjectNode refused = tooFew(data);
        if (refused != null) {
            return refused;
        }
        PerItem perItem = new PerItem();
        for (JsonNode step : data) {
            String code = step.path("MaHoSo").asText("");
            Held h = held.get(code);
            if (h == null || !h.holds()) {
                perItem.add(step, STATE_CONFLICT, "Hồ sơ chưa được đồng bộ: " + code);
            } else if (poison.contains(code) || !DATE.matcher(step.path("ThoiDiemXuLy").asText("")).matches()
                    || step.path("TrangThai").asInt(0) < 1 || step.path("TrangThai").asInt(0) > 10) {
                perItem.add(step, INVALID_DATA, "Dữ liệu tiến độ không hợp lệ");
            } else {
                perItem.add(step, OK, "Hợp lệ");
            }
        }
        if (perItem.firstError != null) {
            return perItem.outcome();
        }
        for (JsonNode step : data) {
            Held h = held.get(step.path("MaHoSo").asText());
            synchronized (h) {
                h.progress.add(step);
            }
            received.arrive(stepKey(step), step);
        }
        return perItem.outcome();
    }

    /** The identity of a progress step: dossier, moment and status. */
    public static String stepKey(JsonNode step) {
        return step.path("MaHoSo").asText() + "|" + step.path("ThoiDiemXuLy").asText() + "|"
                + step.path("TrangThai").asText();
    }

    private ObjectNode answer(int code, String message) {
        return mapper.createObjectNode().put("error_code", code).put("message", message);
    }

    // ---- inspection and test controls ------------------------------------------------------------------------

    @GetMapping("/dossiers")
    public Map<String, Object> dossiers() {
        Map<String, Object> all = new LinkedHashMap<>();
        synchronized (held) {
            held.forEach((code, h) -> all.put(code, h.view()));
        }
        return Map.of("dossiers", all, "logins", logins.get());
    }

    /** Per dossier: inserts, updates, TrangThaiHoSo and progress steps held, without the dossiers themselves. */
    @GetMapping("/dossiers/counts")
    public Map<String, List<Integer>> dossierCounts() {
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        synchronized (held) {
            held.forEach((code, h) -> counts.put(code, List.of(h.inserts(), h.updates(), h.status(), h.progress().size())));
        }
        return counts;
    }

    @GetMapping("/dossiers/{code}")
    public ResponseEntity<Map<String, Object>> dossier(@PathVariable String code) {
        Held h = held.get(code);
        return h == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(h.view());
    }

    /** Corrupts a held dossier: the given fields replace the portal's, as a faulty portal-side edit would. */
    @PutMapping("/dossiers/{code}")
    public ResponseEntity<Map<String, Object>> corrupt(@PathVariable String code, @RequestBody ObjectNode fields) {
        Held h = held.get(code);
        if (h == null || !h.holds()) {
            return ResponseEntity.notFound().build();
        }
        synchronized (h) {
            ObjectNode changed = (ObjectNode) h.dossier();
            changed.setAll(fields);
            h.hold(changed);
        }
        return ResponseEntity.ok(h.view());
    }

    /** Forgets one dossier and its progress, as if the portal had lost it. */
    @DeleteMapping("/dossiers/{code}")
    public ResponseEntity<Void> lose(@PathVariable String code) {
        held.remove(code);
        return ResponseEntity.noContent().build();
    }

    /** Forgets the progress steps of one dossier, as if the portal had lost them. */
    @DeleteMapping("/dossiers/{code}/progress")
    public ResponseEntity<Void> loseProgress(@PathVariable String code) {
        Held h = held.get(code);
        if (h == null) {
            return ResponseEntity.notFound().build();
        }
        synchronized (h) {
            h.progress.clear();
        }
        return ResponseEntity.noContent().build();
    }

    /** Calls answered per service (login excluded) and the items they carried ({@code data}'s size, 1 for a lookup). */
    @GetMapping("/calls")
    public Map<String, Object> calls() {
        Map<String, Object> view = new LinkedHashMap<>();
        calls.forEach((service, n) -> view.put(service, Map.of("calls", n.get(), "items",
                items.getOrDefault(service, new AtomicLong()).get())));
        return view;
    }

    /** At most this many items in one write's {@code data} (0: no limit), as a portal with a cap would. */
    @PutMapping("/limits/max-items/{count}")
    public ResponseEntity<Void> maxItems(@PathVariable int count) {
        maxItems = Math.max(0, count);
        return ResponseEntity.noContent().build();
    }

    public long calls(String service) {
        AtomicLong n = calls.get(service);
        return n == null ? 0 : n.get();
    }

    @DeleteMapping("/dossiers")
    public ResponseEntity<Void> reset() {
        held.clear();
        calls.clear();
        items.clear();
        maxItems = 0;
        poison.clear();
        sessions.clear();
        sessionPolicy = new SessionPolicy(1800L, 0);
        answersToLose.set(0);
        received.clear();
        faults.reset();
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/poison/{code}")
    public ResponseEntity<Void> poison(@PathVariable String code) {
        poison.add(code);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/poison/{code}")
    public ResponseEntity<Void> cure(@PathVariable String code) {
        poison.remove(code);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/sessions")
    public SessionPolicy sessionPolicy(@RequestBody SessionPolicy policy) {
        sessionPolicy = new SessionPolicy(policy.ttlSeconds() == null ? sessionPolicy.ttlSeconds() : policy.ttlSeconds(),
                policy.maxCalls() == null ? sessionPolicy.maxCalls() : policy.maxCalls());
        return sessionPolicy;
    }

    /** The next {@code count} successful writes are stored but answered 504, as if the answer were lost. */
    @PutMapping("/faults/lost-answers/{count}")
    public ResponseEntity<Void> loseAnswers(@PathVariable int count) {
        answersToLose.set(count);
        return ResponseEntity.noContent().build();
    }

    /** Expires every session now. */
    @DeleteMapping("/sessions")
    public ResponseEntity<Void> expireSessions() {
        sessions.clear();
        return ResponseEntity.noContent().build();
    }

    public Held held(String code) {
        return held.get(code);
    }

    public int answersStillToLose() {
        return answersToLose.get();
    }

    public long logins() {
        return logins.get();
    }
}
