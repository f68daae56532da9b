package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.NationalPaymentProperties;
import vn.lgsp.hub.adapters.payment.PaymentProductionSafetyCheck;

/** The prod profile does not start with the gateways' demo secrets or without secrets; secrets never print. */
class PaymentProductionSafetyCheckTest {

    @Test
    void demoOrMissingSecretsAreRefused() {
        var check = new PaymentProductionSafetyCheck(national("demo-payment-key1", ""), bank("demo-bank-hash-secret"));
        assertThatThrownBy(check::afterPropertiesSet).hasMessageContaining("hub.systems.payment.key1")
                .hasMessageContaining("hub.systems.payment.key2").hasMessageContaining("hub.systems.bank.hash-secret");
    }

    @Test
    void realSecretsPassAndAreNotPrinted() {
        var check = new PaymentProductionSafetyCheck(national("k8s-key-1", "k8s-key-2"), bank("k8s-secret-3"));
        assertThatCode(check::afterPropertiesSet).doesNotThrowAnyException();
        assertThat(national("k8s-key-1", "k8s-key-2").toString()).doesNotContain("k8s-key");
        assertThat(bank("k8s-secret-3").toString()).doesNotContain("k8s-secret");
    }

    private static NationalPaymentProperties national(String key1, String key2) {
        return new NationalPaymentProperties("https://pay.example/api", "H15", key1, key2, "1.0",
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static BankGatewayProperties bank(String secret) {
        return new BankGatewayProperties("https://bank.example", "TMN", secret, "2.1.0", "10.0.0.1",
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
