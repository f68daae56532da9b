package vn.lgsp.hub.simulators.sectors;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.lgsp.hub.simulators.support.HoldingSimulator;

/**
 * A push-style sector system: receives dossiers from the hub and, on request of its control endpoint
 * ({@code POST control/progress {"dossierCode","status","note"}}), reports progress back to the hub in its own
 * status codes, as the real system's officers would, through {@code POST /api/v1/sectors/<id>/status} with its
 * own API key.
 */
public abstract class SectorSimulator<T> extends HoldingSimulator<T> {

    private final ProgressCallback callback;

    protected SectorSimulator(String systemId, String hubUrl, String apiKey) {
        this.callback = new ProgressCallback(systemId, hubUrl, apiKey);
    }

    /** A progress report of the control endpoint. */
    public record Progress(String dossierCode, String status, String note) {
    }

    @PostMapping("/control/progress")
    public Map<String, Object> progress(@RequestBody Progress progress) {
        return reportProgress(progress.dossierCode(), progress.status(), progress.note(),
                OffsetDateTime.now(ZoneOffset.ofHours(7)));
    }

    /** Reports a status in this system's vocabulary to the hub; returns the hub's HTTP status and answer. */
    public Map<String, Object> reportProgress(String dossierCode, String status, String note, OffsetDateTime at) {
        return callback.report(dossierCode, status, note, at);
    }
}
