package vn.lgsp.hub.platform;

/**
 * Where an adapter that calls an external system with its own HTTP client (not through a Camel endpoint) reports
 * each call's outcome and latency, for the operations console's system health and the {@code lgsp_system_*}
 * gauges. Calls through Camel endpoints are recorded without the adapter's help.
 */
public interface ExternalCalls {

    /** Records one call to {@code system} (an id of {@code hub.systems}); {@code failure} is a reason, never data. */
    void record(String system, boolean ok, long latencyMs, String failure);

    /** Records nothing (an adapter used outside the hub, e.g. in a unit test). */
    ExternalCalls NONE = (system, ok, latencyMs, failure) -> { };
}
