package vn.lgsp.hub.simulators.support;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Faults a simulator injects into the calls it serves. */
public record Faults(
        @Schema(description = "Share of calls answered with errorStatus, 0.0-1.0") Double errorRate,
        @Schema(description = "HTTP status of injected errors (default 503)") Integer errorStatus,
        @Schema(description = "Delay added to every call, in milliseconds") Long latencyMs,
        @Schema(description = "Answer 503 to every call until this instant") Instant downUntil,
        @Schema(description = "Answer errorStatus to the next N calls") Integer failNext) {

    public static Faults none() {
        return new Faults(0.0, 503, 0L, null, 0);
    }

    /** This fault set with the given fields replacing ours; null fields keep ours. */
    public Faults merge(Faults update) {
        return new Faults(
                update.errorRate != null ? update.errorRate : errorRate,
                update.errorStatus != null ? update.errorStatus : errorStatus,
                update.latencyMs != null ? update.latencyMs : latencyMs,
                update.downUntil != null ? update.downUntil : downUntil,
                update.failNext != null ? update.failNext : failNext);
    }
}
