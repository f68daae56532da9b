package vn.lgsp.hub.adapters.dvcqg;

import vn.lgsp.hub.delivery.ClassifiedFailure;

/**
 * A failed call to the National Public Service Portal. {@link Kind#UNAVAILABLE} (HTTP 5xx, 408, 429, timeouts,
 * connection errors, the portal's own "try later" codes) is retried without limit; {@link Kind#REJECTED} (the
 * portal's {@code error_code} says the data is invalid) is permanent and carries the portal's answer.
 */
public class DvcqgException extends RuntimeException implements ClassifiedFailure {

    /** Whether retrying can help. */
    public enum Kind { UNAVAILABLE, REJECTED }

    private final Kind kind;
    private final Integer portalErrorCode;
    private final String service;

    public DvcqgException(Kind kind, String service, Integer portalErrorCode, String message, Throwable cause) {
        super("DVCQG " + service + ": " + message, cause);
        this.kind = kind;
        this.service = service;
        this.portalErrorCode = portalErrorCode;
    }

    public static DvcqgException unavailable(String service, String message, Throwable cause) {
        return new DvcqgException(Kind.UNAVAILABLE, service, null, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isRetryable() {
        return kind == Kind.UNAVAILABLE;
    }

    /** The portal's {@code error_code}, or null when the failure happened before the portal answered. */
    public Integer portalErrorCode() {
        return portalErrorCode;
    }

    public String service() {
        return service;
    }
}
