package vn.lgsp.hub.postal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public postal service operator (dịch vụ bưu chính công ích), bound from {@code hub.systems.postal.*}; its
 * interface is our own (docs/contracts.md "Public postal service").
 *
 * @param baseUrl          the operator's API: orders are POSTed to {@code {baseUrl}/api/orders}
 * @param connectTimeout   read by route postal-order-to-postal
 * @param responseTimeout  read by route postal-order-to-postal
 * @param orderQueue       queue of orders to place (outbox → route postal-order-to-postal)
 * @param onestopQueue     queue of postal state notices for the one-stop system (route postal-notice-to-onestop)
 * @param sender           the agency's one-stop desk: where results are picked up and collected dossiers delivered
 */
@ConfigurationProperties("hub.systems.postal")
public record PostalProperties(String baseUrl, Duration connectTimeout, Duration responseTimeout, String orderQueue,
                               String onestopQueue, Party sender) {

    /** A party of an order: name, full address, phone. */
    public record Party(String name, String address, String phone) {
    }
}
