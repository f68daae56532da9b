package vn.lgsp.hub.adapters.docaxis;

import vn.lgsp.hub.delivery.ClassifiedFailure;
import vn.lgsp.hub.delivery.DeliveryFailures;

/**
 * The document axis answered other than 2xx; retryable or permanent by the hub's one rule
 * ({@link DeliveryFailures#isTemporaryStatus}).
 */
public class DocAxisException extends RuntimeException implements ClassifiedFailure {

    private final int status;

    public DocAxisException(String operation, int status, String body) {
        super(operation + " answered HTTP " + status + DeliveryFailures.excerpt(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean isRetryable() {
        return DeliveryFailures.isTemporaryStatus(status);
    }

    public boolean isPermanent() {
        return DeliveryFailures.isPermanentStatus(status);
    }
}
