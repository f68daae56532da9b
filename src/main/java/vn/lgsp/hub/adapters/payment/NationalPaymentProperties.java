package vn.lgsp.hub.adapters.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the national payment platform, bound from {@code hub.systems.payment.*}. The keys come from
 * configuration or the environment ({@code HUB_PAYMENT_KEY1}, {@code HUB_PAYMENT_KEY2}) and are never logged.
 *
 * @param baseUrl         the platform's API base: {@code {baseUrl}/create}, {@code {baseUrl}/detail}
 * @param clientId        the province's client_id at the platform
 * @param key1            signs what the hub sends (create, detail)
 * @param key2            verifies what the platform sends (notifications, detail answers)
 * @param connectTimeout  milliseconds; with responseTimeout read by the routes in routes/payments
 * @param version         contract version sent in every request
 */
@ConfigurationProperties("hub.systems.payment")
public record NationalPaymentProperties(String baseUrl, String clientId, String key1, String key2, String version,
                                        Duration connectTimeout, Duration responseTimeout) {

    @Override
    public String toString() {
        return "NationalPaymentProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keys hidden]";
    }
}
