package vn.lgsp.hub.simulators.ministries;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.lgsp.hub.simulators.ministries.MinistryDescriptor.Protocol;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * One simulator for every ministry system described under {@code hub.simulators.ministries.<id>}
 * ({@link MinistryDescriptor}: protocol, paths, status codes), served under {@code /sim/<id>/} like the others:
 * <ul>
 * <li>REST and FEED: {@code POST /sim/<id><receivePath>} takes the dossier in the system's JSON (201 new, 200 a
 * repeat, 400 without its code or idempotency header); FEED also lists its status changes at
 * {@code GET /sim/<id>/api/changes?since=&limit=} ({@code {"thayDoi":[{soThuTu,maHoSo,trangThai,thoiDiem,ghiChu}]}});</li>
 * <li>SOAP: {@code POST /sim/<id>/ws} answers {@code <NhanHoSoResponse>} (a SOAP fault without the code);</li>
 * <li>FILE_DROP: a scan every {@code hub.simulators.file-drop-scan} takes the inbound folder's files and writes
 * status files to the outbound folder.</li>
 * </ul>
 * Every ministry: {@code POST control/progress {"dossierCode","status","note"}} reports progress its way; the shared
 * fault API ({@code GET|PUT|DELETE faults}) and inspection API ({@code GET|DELETE received}). Systems with their own
 * simulator class are matched first (Spring prefers literal paths), so this never shadows them.
 */
@RestController
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class MinistrySimulators {

    private final Map<String, MinistrySimulator> ministries = new TreeMap<>();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ministry-file-drop-simulator");
        t.setDaemon(true);
        return t;
    });

    public MinistrySimulators(MinistrySimulatorProperties properties, SimulatorProperties simulators) {
        String hubUrl = simulators.sectors().hubUrl();
        long scanMillis = properties.fileDropScan().toMillis();
        properties.ministries().forEach((id, descriptor) -> ministries.put(id, new MinistrySimulator(id, descriptor, hubUrl)));
        if (ministries.values().stream().anyMatch(m -> m.protocol() == Protocol.FILE_DROP)) {
            scanner.scheduleWithFixedDelay(this::scanFileDrops, scanMillis, scanMillis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        scanner.shutdownNow();
    }

    private void scanFileDrops() {
        ministries.values().stream().filter(m -> m.protocol() == Protocol.FILE_DROP).forEach(MinistrySimulator::scanInbound);
    }

    /** The simulator of a ministry, for tests and the demo. */
    public MinistrySimulator get(String system) {
        MinistrySimulator ministry = ministries.get(system);
        if (ministry == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No simulated system " + system);
        }
        return ministry;
    }

    /** A progress report of the control endpoint. */
    public record Progress(String dossierCode, String status, String note) {
    }

    @PostMapping("/sim/{system}/control/progress")
    public Map<String, Object> progress(@PathVariable String system, @RequestBody Progress progress) {
        return get(system).reportProgress(progress.dossierCode(), progress.status(), progress.note(),
                OffsetDateTime.now(ZoneOffset.ofHours(7)));
    }

    @PostMapping(path = "/sim/{system}/api/**", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> receiveJson(@PathVariable String system, HttpServletRequest request,
                                                           @RequestBody String body) {
        MinistrySimulator ministry = get(system);
        MinistryDescriptor d = ministry.descriptor();
        if (d.protocol() != Protocol.REST && d.protocol() != Protocol.FEED
                || !request.getRequestURI().equals("/sim/" + system + d.receivePath())) {
            return ResponseEntity.notFound().build();
        }
        Optional<Integer> fault = ministry.faultInjector().nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("maLoi", "LOI_GIA_LAP"));
        }
        if (d.keyHeader() != null && request.getHeader(d.keyHeader()) == null) {
            return ResponseEntity.badRequest().body(Map.of("maLoi", "THIEU_" + d.keyHeader()));
        }
        Optional<String> known = ministry.codeOf(body);
        if (known.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("maLoi", "THIEU_MA_HO_SO"));
        }
        boolean first = ministry.receivedLog().get(known.get()) == null;
        ministry.receive(body);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("maHoSo", known.get(), "trangThai", d.receivedStatus(), "daLuu", first));
    }

    @PostMapping(path = "/sim/{system}/ws", produces = MediaType.TEXT_XML_VALUE)
    public ResponseEntity<String> receiveSoap(@PathVariable String system, @RequestBody String envelope) {
        MinistrySimulator ministry = get(system);
        if (ministry.protocol() != Protocol.SOAP) {
            return ResponseEntity.notFound().build();
        }
        Optional<Integer> fault = ministry.faultInjector().nextCall();
        if (fault.isPresent()) {
            int status = fault.get();
            boolean server = status >= 500 || status == 408 || status == 429;
            return ResponseEntity.status(status).body(soapFault(server ? "soap:Server" : "soap:Client", "Lỗi giả lập"));
        }
        Optional<String> code = ministry.receive(envelope);
        if (code.isEmpty()) {
            return ResponseEntity.status(500).body(soapFault("soap:Client", "Thiếu " + ministry.descriptor().codeField()));
        }
        String field = ministry.descriptor().codeField();
        return ResponseEntity.ok("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<m:NhanHoSoResponse xmlns:m=\"" + ministry.namespaceOf(envelope) + "\"><m:" + field + ">" + code.get()
                + "</m:" + field + "><m:TrangThai>" + ministry.descriptor().receivedStatus()
                + "</m:TrangThai></m:NhanHoSoResponse></soap:Body></soap:Envelope>");
    }

    @GetMapping("/sim/{system}/api/changes")
    public ResponseEntity<Map<String, Object>> changes(@PathVariable String system,
                                                       @RequestParam(defaultValue = "0") long since,
                                                       @RequestParam(defaultValue = "50") int limit) {
        MinistrySimulator ministry = get(system);
        if (ministry.protocol() != Protocol.FEED) {
            return ResponseEntity.notFound().build();
        }
        Optional<Integer> fault = ministry.faultInjector().nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("maLoi", "LOI_GIA_LAP"));
        }
        var page = ministry.changesSince(since, limit);
        return ResponseEntity.ok(Map.of("thayDoi", page, "soLuong", page.size()));
    }

    @GetMapping("/sim/{system}/faults")
    public Faults faults(@PathVariable String system) {
        return get(system).faultInjector().current();
    }

    @PutMapping("/sim/{system}/faults")
    public Faults injectFaults(@PathVariable String system, @RequestBody Faults update) {
        return get(system).faultInjector().update(update);
    }

    @DeleteMapping("/sim/{system}/faults")
    public Faults clearFaults(@PathVariable String system) {
        get(system).faultInjector().reset();
        return get(system).faultInjector().current();
    }

    @GetMapping("/sim/{system}/received")
    public Map<String, Object> received(@PathVariable String system) {
        var log = get(system).receivedLog();
        return Map.of("items", log.items(), "totalArrivals", log.totalArrivals());
    }

    @GetMapping("/sim/{system}/received/arrivals")
    public Map<String, Integer> arrivals(@PathVariable String system) {
        Map<String, Integer> arrivals = new LinkedHashMap<>();
        get(system).receivedLog().items().forEach(item -> arrivals.put(item.key(), item.arrivals()));
        return arrivals;
    }

    @DeleteMapping("/sim/{system}/received")
    public ResponseEntity<Void> clearReceived(@PathVariable String system) {
        get(system).receivedLog().clear();
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badFaults(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private static String soapFault(String faultCode, String reason) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + faultCode + "</faultcode><faultstring>" + reason + "</faultstring></soap:Fault>"
                + "</soap:Body></soap:Envelope>";
    }
}
