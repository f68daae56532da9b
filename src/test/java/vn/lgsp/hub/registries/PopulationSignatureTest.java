package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.population.PopulationProperties;
import vn.lgsp.hub.adapters.population.PopulationSignature;
import vn.lgsp.hub.adapters.population.PopulationSignatureAccess;

/** The population gateway's Basic-SHA-256 header, against a vector computed independently (Python hashlib). */
class PopulationSignatureTest {

    private static final String AUTH_URL = "https://csdldc.example.gov.vn/dancu/TraCuuThongTinCongDan";

    @Test
    void authorizationIsBasicOfUserAndSha256HexOfUrlUserTimestampSecret() {
        assertThat(PopulationSignature.authorization(AUTH_URL, "lgsp-hagiang", "1763884800000", "bí-mật"))
                .isEqualTo("Basic bGdzcC1oYWdpYW5nOjcyMDI0NzJiMDRhNDI4NmNhYzYzYzZhYTIwMDc4NTNjNjUxZGVlODA4MjMxMWRi"
                        + "MWFkMTE5NmIwZGYzZjdjY2Y=");
    }

    @Test
    void signatureChangesWithEveryInput() {
        String base = PopulationSignature.authorization(AUTH_URL, "u", "1", "s");
        assertThat(PopulationSignature.authorization(AUTH_URL + "x", "u", "1", "s")).isNotEqualTo(base);
        assertThat(PopulationSignature.authorization(AUTH_URL, "v", "1", "s")).isNotEqualTo(base);
        assertThat(PopulationSignature.authorization(AUTH_URL, "u", "2", "s")).isNotEqualTo(base);
        assertThat(PopulationSignature.authorization(AUTH_URL, "u", "1", "t")).isNotEqualTo(base);
    }

    @Test
    void signSetsTheFourGatewayHeadersWithTheCurrentEpochMillis() {
        var properties = new PopulationProperties("http://x", AUTH_URL, "lgsp-hagiang", "bí-mật", "key-1",
                "VN/GOV/H15/LGSP", "037", "H15", "", "lgsp-hagiang", null, null, "CSDLQG_DAN_CU");
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1763884800000L), ZoneOffset.UTC);
        var exchange = new DefaultExchange(new DefaultCamelContext());

        PopulationSignatureAccess.withClock(properties, clock).sign(exchange);

        var m = exchange.getMessage();
        assertThat(m.getHeader("Timestamp")).isEqualTo("1763884800000");
        assertThat(m.getHeader("Authorization", String.class)).endsWith("MWFkMTE5NmIwZGYzZjdjY2Y=");
        assertThat(m.getHeader("X-Road-Client")).isEqualTo("VN/GOV/H15/LGSP");
        assertThat(m.getHeader("ApiKey")).isEqualTo("key-1");
    }
}
