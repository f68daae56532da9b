package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import javax.xml.namespace.QName;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.QueryTimeoutException;
import vn.lgsp.hub.adapters.dvcqg.DvcqgException;
import vn.lgsp.hub.delivery.DeliveryFailures.Kind;
import vn.lgsp.hub.errors.ErrorCode;

/** The one classification of failures every outbound flow and adapter uses. */
class DeliveryFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void answersThatMeanNotNowAreTemporaryForEverySystem(int status) {
        assertThat(DeliveryFailures.classify(http(status))).isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.isTemporaryStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 410, 413, 422})
    void answersThatRejectTheMessageArePermanentForEverySystem(int status) {
        assertThat(DeliveryFailures.classify(http(status))).isEqualTo(Kind.PERMANENT);
        assertThat(DeliveryFailures.isPermanentStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void answersThatRefuseTheHubsOwnCredentialsWaitForAnOperator(int status) {
        assertThat(DeliveryFailures.classify(http(status))).isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.isPermanentStatus(status)).isFalse();
    }

    @Test
    void timeoutsRefusedConnectionsAndIoAreTemporaryEvenWhenWrapped() {
        assertThat(DeliveryFailures.classify(new HttpTimeoutException("slow"))).isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new UncheckedIOException(new IOException("reset"))))
                .isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new QueryTimeoutException("db"))).isEqualTo(Kind.TEMPORARY);
    }

    @Test
    void thePortalsOwnVerdictIsCodedAndClassifiedByItsCode() {
        assertThat(DeliveryFailures.classify(DvcqgException.unavailable("TraCuuHoSo", "HTTP 503", null)))
                .isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new DvcqgException(ErrorCode.PORTAL_REJECTED, "DongBoHoSoMC", 1,
                "error_code 1: Dữ liệu hồ sơ không hợp lệ", null))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void soapServerFaultsWaitAndClientFaultsAreRejections() {
        assertThat(DeliveryFailures.classify(new SoapFault("busy", new QName("http://schemas.xmlsoap.org/soap/envelope/",
                "Server")))).isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new SoapFault("invalid", new QName("http://schemas.xmlsoap.org/soap/envelope/",
                "Client")))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void aSoapSystemsBareHttpAnswerIsClassifiedByItsStatus() throws Exception {
        var url = new java.net.URL("http://127.0.0.1/sim/sector-civil/ws");
        assertThat(DeliveryFailures.classify(new org.apache.cxf.interceptor.Fault(
                new org.apache.cxf.transport.http.HTTPException(503, "Service Unavailable", url))))
                .isEqualTo(Kind.TEMPORARY);
        assertThat(DeliveryFailures.classify(new org.apache.cxf.transport.http.HTTPException(404, "Not Found", url)))
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void hubDefectsAreNeitherWaitedOutNorRejected() {
        assertThat(DeliveryFailures.classify(new NullPointerException())).isEqualTo(Kind.UNKNOWN);
        assertThat(DeliveryFailures.classify(null)).isEqualTo(Kind.UNKNOWN);
        assertThat(DeliveryFailures.classify(new PermanentDeliveryException("no code"))).isEqualTo(Kind.PERMANENT);
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://127.0.0.1/api/dossiers?x=1", status, "status", null, null,
                "answer");
    }
}
