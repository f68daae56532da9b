package vn.lgsp.hub.ereceipt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The electronic receipt provider (biên lai điện tử), bound from {@code hub.systems.ereceipt.*}; its interface is
 * our own (docs/contracts.md "Electronic receipt provider").
 *
 * @param baseUrl         the provider's API: receipts are POSTed to {@code {baseUrl}/api/receipts}
 * @param connectTimeout  read by route receipt-request-to-ereceipt
 * @param responseTimeout read by route receipt-request-to-ereceipt
 * @param queue           receipts to issue (outbox → route receipt-request-to-ereceipt)
 * @param onestopQueue    issued receipts for the one-stop system (route receipt-notice-to-onestop)
 */
@ConfigurationProperties("hub.systems.ereceipt")
public record EReceiptProperties(String baseUrl, Duration connectTimeout, Duration responseTimeout, String queue,
                                 String onestopQueue) {
}
