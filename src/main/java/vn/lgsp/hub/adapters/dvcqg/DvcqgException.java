package vn.lgsp.hub.adapters.dvcqg;

import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * The National Public Service Portal answered a call with a non-zero {@code error_code} (or an answer that is not
 * JSON, or refused the login). Coded {@link ErrorCode#PORTAL_UNAVAILABLE} when the portal's code table says "try
 * later" ({@code hub.systems.dvcqg.retryable-codes}, session codes, login refused) and
 * {@link ErrorCode#PORTAL_REJECTED} when it rejects the data; whether to retry is then
 * {@link vn.lgsp.hub.delivery.DeliveryFailures}' decision, by the code, like every other failure.
 */
public class DvcqgException extends HubException {

    private final Integer portalErrorCode;
    private final String service;

    public DvcqgException(ErrorCode code, String service, Integer portalErrorCode, String message, Throwable cause) {
        super(code, "DVCQG " + service + ": " + message, cause);
        this.service = service;
        this.portalErrorCode = portalErrorCode;
    }

    public static DvcqgException unavailable(String service, String message, Throwable cause) {
        return new DvcqgException(ErrorCode.PORTAL_UNAVAILABLE, service, null, message, cause);
    }

    /** The portal's {@code error_code}, or null when the failure happened before the portal answered. */
    public Integer portalErrorCode() {
        return portalErrorCode;
    }

    public String service() {
        return service;
    }
}
