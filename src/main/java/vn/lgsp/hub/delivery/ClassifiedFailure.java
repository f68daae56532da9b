package vn.lgsp.hub.delivery;

/** A failure that knows whether retrying can fix it; adapters' coded exceptions implement it. */
public interface ClassifiedFailure {

    boolean isRetryable();
}
