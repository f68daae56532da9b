package vn.lgsp.hub.delivery;

/** A delivery that retrying cannot fix (a 4xx answer, a malformed message): it goes to the dead-letter queue. */
public class PermanentDeliveryException extends RuntimeException {
    public PermanentDeliveryException(String message) {
        super(message);
    }
}
