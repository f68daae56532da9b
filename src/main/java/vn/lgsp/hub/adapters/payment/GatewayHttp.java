package vn.lgsp.hub.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP to a gateway, with its timeouts; any failure is a {@link PaymentGatewayException}. */
final class GatewayHttp {

    private final String gateway;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration responseTimeout;

    GatewayHttp(String gateway, ObjectMapper mapper, Duration connectTimeout, Duration responseTimeout) {
        this.gateway = gateway;
        this.mapper = mapper;
        this.responseTimeout = responseTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    JsonNode post(String url, JsonNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(responseTimeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new PaymentGatewayException(gateway, "HTTP " + response.statusCode(), null);
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new PaymentGatewayException(gateway, "call failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException(gateway, "interrupted", e);
        }
    }
}
