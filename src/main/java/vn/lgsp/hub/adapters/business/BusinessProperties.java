package vn.lgsp.hub.adapters.business;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the national business-registration database, bound from {@code hub.systems.business.*}.
 *
 * @param baseUrl           REST base; the hub calls {@code {baseUrl}/chiTietDoanhNghiep?msdn=}
 * @param tokenUrl          OAuth2 token endpoint of the gateway (client-credentials grant)
 * @param clientId          OAuth2 client id
 * @param clientSecret      OAuth2 client secret
 * @param scope             OAuth2 scope, if the gateway wants one
 * @param tokenRenewBefore  a token is renewed this long before it expires
 * @param sourceCode        the registry's code in DVCQG (MaCSDL)
 */
@ConfigurationProperties("hub.systems.business")
public record BusinessProperties(String baseUrl, String tokenUrl, String clientId, String clientSecret, String scope,
                                 Duration connectTimeout, Duration responseTimeout, Duration tokenRenewBefore,
                                 String sourceCode) {
}
