package vn.lgsp.hub.registries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;

/** Requests and dossiers the registry tests share. */
final class RegistryTestSupport {

    /** A fresh H2 file database as the hub opens it, not yet migrated, for the tests of the audit log alone. */
    static com.zaxxer.hikari.HikariDataSource auditDatabase() throws java.io.IOException {
        var dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + java.nio.file.Files.createTempDirectory("lgsp-audit")
                + "/hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        return dataSource;
    }

    /** The audit chain's keys in the tests of the audit log alone (not the hub's demo key). */
    static vn.lgsp.hub.audit.AuditChainKeys auditKeys() {
        return new vn.lgsp.hub.audit.AuditChainKeys("test-1",
                java.util.Map.of("test-1", "demo-audit-chain-key-for-the-tests-1"), null);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RegistryTestSupport() {
    }

    /** A GET with an API key and extra headers (name, value, ...); the body parsed as JSON. */
    record Answer(int status, JsonNode json) {
    }

    static Answer get(String baseUrl, String path, String apiKey, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            var response = HTTP.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The n-th synthetic citizen with a full birth date, so tests do not share subjects (and cache entries). */
    static SyntheticCitizens.Person citizen(SyntheticCitizens citizens, int n) {
        return citizens.sample(citizens.size()).stream().filter(p -> !p.yearOnly()).skip(n).findFirst().orElseThrow();
    }

    /** A dossier whose applicant is a citizen given by personal ID only, or with the given name. */
    static String citizenDossier(String sourceRef, String personalId, String fullName) {
        return """
            {"procedureCode":"1.001193","procedureName":"Đăng ký khai sinh","agencyCode":"H15.50.05.13",
             "sourceRef":"%s",
             "applicant":{"type":"CITIZEN","personalId":"%s"%s,"phone":"0912345678"},
             "summary":"Đăng ký khai sinh","channel":"ONLINE"}
            """.formatted(sourceRef, personalId, fullName == null ? "" : ",\"fullName\":\"" + fullName + "\"");
    }

    /** A dossier whose applicant is an enterprise given by code only. */
    static String businessDossier(String sourceRef, String enterpriseCode) {
        return """
            {"procedureCode":"2.001610","procedureName":"Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
             "agencyCode":"000.00.00.H22","sourceRef":"%s",
             "applicant":{"type":"BUSINESS","enterpriseCode":"%s"},
             "channel":"IN_PERSON"}
            """.formatted(sourceRef, enterpriseCode);
    }
}
