package vn.lgsp.hub.errors;

import org.springframework.http.HttpStatus;

/**
 * Every error the hub reports to a caller. REST answers carry the code in an RFC 7807 problem detail
 * ({@code type = urn:lgsp-hub:error:<code>}), SOAP answers in the fault string and detail.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    SOAP_ENVELOPE_INVALID(HttpStatus.BAD_REQUEST, "Not one SOAP envelope of an optional Header and one Body"),
    ATTACHMENT_URL_REFUSED(HttpStatus.BAD_REQUEST, "The hub does not fetch attachments from this URL"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Access denied"),
    DOSSIER_NOT_FOUND(HttpStatus.NOT_FOUND, "Dossier not found"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    DOSSIER_CODE_CONFLICT(HttpStatus.CONFLICT, "Dossier code already used by another submission"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused with a different request"),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The hub cannot store requests durably right now"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    PURPOSE_REQUIRED(HttpStatus.BAD_REQUEST, "The purpose of a registry lookup is required"),
    CITIZEN_NOT_FOUND(HttpStatus.NOT_FOUND, "The population database knows no such citizen"),
    ENTERPRISE_NOT_FOUND(HttpStatus.NOT_FOUND, "The business registry knows no such enterprise"),
    REGISTRY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "A national registry is unavailable"),
    PORTAL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The national public service portal is unavailable"),
    PORTAL_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The national public service portal rejected the data"),
    UNKNOWN_SECTOR_STATUS(HttpStatus.UNPROCESSABLE_ENTITY, "Status not in the sector system's status table"),
    PAYMENT_FEES_INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "The fees to pay do not match the dossier's fees"),
    PAYMENT_ALREADY_PAID(HttpStatus.CONFLICT, "These fees of the dossier are already paid"),
    PAYMENT_GATEWAY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The payment gateway is unavailable"),
    CONSOLE_TARGET_NOT_FOUND(HttpStatus.NOT_FOUND, "No such route, queue or message"),
    BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The message broker did not answer"),
    SYSTEM_NOT_CONFIGURED(HttpStatus.CONFLICT, "The external system this needs is not configured"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this system"),
    SUPPLEMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "The dossier has no such supplement request"),
    AMENDMENT_CONFLICT(HttpStatus.CONFLICT, "The amendment contradicts one already recorded");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI of this code. */
    public String type() {
        return "urn:lgsp-hub:error:" + name().toLowerCase().replace('_', '-');
    }

    /** Whether the caller is at fault (SOAP faultcode Client) rather than the hub (Server). */
    public boolean isClientError() {
        return status.is4xxClientError();
    }
}
