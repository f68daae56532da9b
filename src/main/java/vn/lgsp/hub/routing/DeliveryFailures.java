package vn.lgsp.hub.routing;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Which delivery failures are permanent. An external system's 4xx answer means the message itself is wrong and
 * goes to the dead-letter queue at once, except 408 (timeout) and 429 (slow down), which are retried like 5xx
 * answers, timeouts and connection failures.
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        if (failure instanceof PermanentDeliveryException) {
            return true;
        }
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status < 500 && status != 408 && status != 429;
        }
        return false;
    }

    /** Camel predicate form, for onException(...).onWhen(...). */
    public static boolean isPermanent(Exchange exchange) {
        return isPermanent(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** A short reason for the trail and the dead-letter headers, without payload or personal data. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from " + http.getUri().replaceAll("\\?.*$", "")
                    + bodyExcerpt(http.getResponseBody());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }
}
