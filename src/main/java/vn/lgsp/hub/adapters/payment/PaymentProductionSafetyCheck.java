package vn.lgsp.hub.adapters.payment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the prod profile with the gateways' demo secrets (those of application-demo.yml) or without
 * secrets. The general check (security.ProductionSafetyCheck) already refuses simulator URLs.
 */
@Component
@Profile("prod")
public class PaymentProductionSafetyCheck implements InitializingBean {

    private final NationalPaymentProperties national;
    private final BankGatewayProperties bank;

    public PaymentProductionSafetyCheck(NationalPaymentProperties national, BankGatewayProperties bank) {
        this.national = national;
        this.bank = bank;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (isDemo(national.key1())) {
            problems.add("hub.systems.payment.key1");
        }
        if (isDemo(national.key2())) {
            problems.add("hub.systems.payment.key2");
        }
        if (isDemo(bank.hashSecret())) {
            problems.add("hub.systems.bank.hash-secret");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with missing or demo payment secrets: "
                    + String.join(", ", problems));
        }
    }

    static boolean isDemo(String value) {
        return value == null || value.isBlank() || value.startsWith("demo-");
    }
}
