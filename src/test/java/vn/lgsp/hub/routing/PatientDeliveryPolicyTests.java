package vn.lgsp.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import vn.lgsp.hub.adapters.dvcqg.DvcqgException;

/** Which failures patient-delivery retries without limit, dead-letters at once, or retries a bounded number of times. */
class PatientDeliveryPolicyTests {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void portalUnavailableIsRetriedWithoutLimit() {
        Exchange failed = failedWith(DvcqgException.unavailable("TraCuuHoSo", "HTTP 503", null));
        assertThat(PatientDeliveryConfiguration.isTemporary(failed)).isTrue();
        assertThat(PatientDeliveryConfiguration.isPermanent(failed)).isFalse();
    }

    @Test
    void portalRejectingTheDataIsDeadLetteredAtOnce() {
        Exchange failed = failedWith(new DvcqgException(DvcqgException.Kind.REJECTED, "DongBoHoSoMC", 1,
                "error_code 1: Dữ liệu hồ sơ không hợp lệ", null));
        assertThat(PatientDeliveryConfiguration.isPermanent(failed)).isTrue();
        assertThat(PatientDeliveryConfiguration.isTemporary(failed)).isFalse();
    }

    @Test
    void ioAndDatabaseOutagesAreTemporaryEvenWhenWrapped() {
        assertThat(PatientDeliveryConfiguration.isTemporary(failedWith(new HttpTimeoutException("slow")))).isTrue();
        assertThat(PatientDeliveryConfiguration.isTemporary(
                failedWith(new IllegalStateException(new IOException("reset"))))).isTrue();
        assertThat(PatientDeliveryConfiguration.isTemporary(failedWith(new QueryTimeoutException("db")))).isTrue();
    }

    @Test
    void hubDefectsAreNeitherRetriedForeverNorDeadLetteredAtOnce() {
        Exchange failed = failedWith(new NullPointerException());
        assertThat(PatientDeliveryConfiguration.isTemporary(failed)).isFalse();
        assertThat(PatientDeliveryConfiguration.isPermanent(failed)).isFalse();
        assertThat(PatientDeliveryConfiguration.isPermanent(failedWith(new PermanentDeliveryException("no code"))))
                .isTrue();
    }

    private Exchange failedWith(Throwable failure) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}
