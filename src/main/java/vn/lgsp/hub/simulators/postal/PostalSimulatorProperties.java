package vn.lgsp.hub.simulators.postal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the postal simulator reports the states of its orders ({@code hub.simulators.postal.*}).
 *
 * @param hubUrl the hub's base URL; states go to {@code {hubUrl}/api/v1/postal/callbacks}
 * @param apiKey the API key of client {@code postal}
 */
@ConfigurationProperties("hub.simulators.postal")
public record PostalSimulatorProperties(String hubUrl, String apiKey) {
}
