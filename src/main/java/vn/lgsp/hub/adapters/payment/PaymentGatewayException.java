package vn.lgsp.hub.adapters.payment;

/** A gateway could not be reached, or answered with an error or an unverifiable answer. */
public class PaymentGatewayException extends RuntimeException {

    private final String gateway;

    public PaymentGatewayException(String gateway, String message, Throwable cause) {
        super("Payment gateway " + gateway + ": " + message, cause);
        this.gateway = gateway;
    }

    public String gateway() {
        return gateway;
    }
}
