package vn.lgsp.hub.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the brand-name SMS gateway needs besides its address and timeouts ({@code hub.systems.sms.*}).
 *
 * @param apiKey    the province's key at the gateway, sent in each request's body; never logged
 * @param brandName the registered sender name the citizen sees
 */
@ConfigurationProperties("hub.systems.sms")
public record SmsGatewayProperties(String apiKey, String brandName) {
}
