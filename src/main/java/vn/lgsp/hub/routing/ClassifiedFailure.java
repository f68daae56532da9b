package vn.lgsp.hub.routing;

/** A failure that knows whether retrying can fix it; adapters' coded exceptions implement it. */
public interface ClassifiedFailure {

    boolean isRetryable();
}
