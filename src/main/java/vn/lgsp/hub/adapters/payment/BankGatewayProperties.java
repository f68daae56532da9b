package vn.lgsp.hub.adapters.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the province's own bank gateway (VNPay 2.1.0 style), bound from {@code hub.systems.bank.*}. The
 * hash secret comes from configuration or the environment ({@code HUB_BANK_HASH_SECRET}) and is never logged.
 *
 * @param baseUrl     gateway base: payer page {@code {baseUrl}/paymentv2/vpcpay.html}, query
 *                    {@code {baseUrl}/merchant_webapi/api/transaction}
 * @param tmnCode     the province's merchant code (vnp_TmnCode)
 * @param hashSecret  HMAC-SHA512 secret for both directions
 * @param connectTimeout  milliseconds; with responseTimeout read by the routes in routes/payments
 * @param version     vnp_Version, 2.1.0
 * @param serverIp    vnp_IpAddr sent with queries
 */
@ConfigurationProperties("hub.systems.bank")
public record BankGatewayProperties(String baseUrl, String tmnCode, String hashSecret, String version,
                                    String serverIp, Duration connectTimeout, Duration responseTimeout) {

    @Override
    public String toString() {
        return "BankGatewayProperties[baseUrl=" + baseUrl + ", tmnCode=" + tmnCode + ", secret hidden]";
    }
}
