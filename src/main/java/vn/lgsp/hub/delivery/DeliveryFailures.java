package vn.lgsp.hub.delivery;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import javax.xml.namespace.QName;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.lgsp.hub.errors.HubException;

/**
 * The hub's one classification of failures of a call to an external system, which every outbound flow's error
 * policy and every adapter use. <b>Temporary</b> (the system is down, slow or busy: HTTP 5xx, 408, 429, timeouts,
 * refused connections and other I/O, a SOAP server fault, 401/403 refusing the hub's own credentials, the hub's
 * database briefly away) is waited out for as long as the system's patience; <b>permanent</b> (the system rejects the message: other 4xx, a SOAP client fault,
 * invalid data, a coded hub error of the caller's kind) goes to the dead-letter queue at once; anything else is a hub defect, retried a few times.
 */
public final class DeliveryFailures {

    /** What retrying can do about a failure. */
    public enum Kind { TEMPORARY, PERMANENT, UNKNOWN }

    private DeliveryFailures() {
    }

    /**
     * An HTTP answer that says "not now" rather than "not this": 5xx, 408 (timeout) and 429 (slow down); and 401/403,
     * which refuse the hub's own credentials or address (an operator's fix, not the message's fault), so messages
     * wait for the fix rather than fill the dead-letter queue.
     */
    public static boolean isTemporaryStatus(int status) {
        return status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
    }

    /** An HTTP answer that rejects the request itself: every other 4xx. */
    public static boolean isPermanentStatus(int status) {
        return status >= 400 && status < 500 && !isTemporaryStatus(status);
    }

    /** Classifies a failure by the first cause in its chain that says what it is. */
    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = classifyOne(t);
            if (kind != Kind.UNKNOWN) {
                return kind;
            }
        }
        return Kind.UNKNOWN;
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof PermanentDeliveryException) {
            return Kind.PERMANENT;
        }
        if (t instanceof HubException coded) {
            // the hub's own verdict on a message it applies (an invalid dossier, an unknown status code), its own
            // unavailability (store, registry, broker), or an adapter's reading of a system's answer (the portal's
            // error_code in a 200 answer: PORTAL_UNAVAILABLE or PORTAL_REJECTED)
            return coded.code().isClientError() ? Kind.PERMANENT : Kind.TEMPORARY;
        }
        if (t instanceof HttpOperationFailedException http) {
            return isTemporaryStatus(http.getStatusCode()) ? Kind.TEMPORARY : Kind.PERMANENT;
        }
        if (t instanceof HTTPException http) {
            // CXF: an HTTP answer without a SOAP envelope (a proxy's 503, a gateway's 404)
            return isTemporaryStatus(http.getResponseCode()) ? Kind.TEMPORARY : Kind.PERMANENT;
        }
        if (t instanceof SoapFault fault) {
            QName code = fault.getFaultCode();
            String local = code == null ? "" : code.getLocalPart();
            return local.endsWith("Server") || local.endsWith("Receiver") ? Kind.TEMPORARY : Kind.PERMANENT;
        }
        if (t instanceof IOException || t instanceof TimeoutException
                || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException) {
            return Kind.TEMPORARY;
        }
        return Kind.UNKNOWN;
    }

    public static boolean isPermanent(Throwable failure) {
        return classify(failure) == Kind.PERMANENT;
    }

    public static boolean isTemporary(Throwable failure) {
        return classify(failure) == Kind.TEMPORARY;
    }

    /** Camel predicate form, for onException(...).onWhen(...). */
    public static boolean isPermanent(Exchange exchange) {
        return isPermanent(caught(exchange));
    }

    /** Camel predicate form, for onException(...).onWhen(...). */
    public static boolean isTemporary(Exchange exchange) {
        return isTemporary(caught(exchange));
    }

    private static Throwable caught(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return failure != null ? failure : exchange.getException();
    }

    /** A short reason for the trail and the dead-letter headers, without payload or personal data. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from " + http.getUri().replaceAll("\\?.*$", "")
                    + excerpt(http.getResponseBody());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The first 300 characters of an answer's body on one line, prefixed with ": " (empty for no body). */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }
}
