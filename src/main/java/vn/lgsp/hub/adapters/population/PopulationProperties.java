package vn.lgsp.hub.adapters.population;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the national population database, bound from {@code hub.systems.population.*}.
 *
 * @param baseUrl         SOAP endpoint address (default: the simulator)
 * @param authUrl         the URL the Basic-SHA-256 signature covers, as the gateway operator specifies it
 * @param username        integration account (user part of Authorization)
 * @param password        shared secret of the signature; never sent
 * @param apiKey          ApiKey header
 * @param xRoadClient     X-Road-Client header: the hub's member identifier at the data-exchange gateway
 * @param integrationCode MaTichHop (037 for TraCuuThongTinCongDan)
 * @param agencyCode      MaDonVi of the province
 * @param serviceCode     MaDVC, when the lookup serves a public service
 * @param account         TaiKhoan
 * @param sourceCode      the registry's code in DVCQG (MaCSDL)
 */
@ConfigurationProperties("hub.systems.population")
public record PopulationProperties(String baseUrl, String authUrl, String username, String password, String apiKey,
                                   String xRoadClient, String integrationCode, String agencyCode, String serviceCode,
                                   String account, Duration connectTimeout, Duration responseTimeout,
                                   String sourceCode) {
}
