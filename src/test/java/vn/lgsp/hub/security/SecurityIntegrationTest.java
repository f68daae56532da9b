package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.lgsp.hub.support.HubClient.Answer;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The hub as the security suite sees it: the demo systems, plus
 * <ul>
 * <li>the one-stop system in the middle of a key rotation (old and new key both listed),</li>
 * <li>the land system whose previous key {@link #REVOKED_KEY} was removed from its list (revoked),</li>
 * <li>{@code stranger}: a registered system granted no service at all,</li>
 * <li>{@code throttled} (1 request/s, burst 2) and {@code quota} (3 requests a day) for the rate limits,</li>
 * <li>{@code clerk}: a document desk granted the documents service, holding no dossier.</li>
 * </ul>
 * Every class of the suite shares this one Spring context.
 */
@TestPropertySource(properties = {
        "hub.clients.onestop.api-key-hashes[0]={lgsp-demo}64a65d376d1fdc8bb901abb766fcd1e67fea7d63c271a3d9ab12da20f7a522ff",
        "hub.clients.onestop.api-key-hashes[1]={lgsp-demo}9bf66053c51bb217f2593b736ff233672fc6abde49c6aff6a4826338d9bacfa3",
        "hub.clients.stranger.name=A registered system granted nothing",
        "hub.clients.stranger.agency-code=H15.99",
        "hub.clients.stranger.api-key-hashes[0]={lgsp-demo}5daa8cfeb0f4a91a380eea78e35459f80edd9152971a37d5ce5cd8f90716e9a0",
        "hub.clients.stranger.client-secret-hashes[0]={lgsp-demo}173d42be7b520508e303906473f3807d6a9b2a601503c39a8a65fcc3ab57d0d2",
        "hub.clients.throttled.name=Rate-limited system",
        "hub.clients.throttled.api-key-hashes[0]={lgsp-demo}2d91b6075c57eb3493c247119618867fafa7cf81f1f584ed8a3d97a1a2e03aaa",
        "hub.clients.throttled.services[0]=kpi",
        "hub.clients.throttled.rate-limit.requests-per-second=1",
        "hub.clients.throttled.rate-limit.burst=2",
        "hub.clients.quota.name=System with a daily quota",
        "hub.clients.quota.api-key-hashes[0]={lgsp-demo}17787278f762a162af1f00faa64206170763b764f9712ff9e6723294044ce3b8",
        "hub.clients.quota.services[0]=kpi",
        "hub.clients.quota.rate-limit.daily-quota=3",
        "hub.clients.clerk.name=A document desk holding no dossier",
        "hub.clients.clerk.api-key-hashes[0]={lgsp-demo}799a4e1ff1e830f9256821317344b2f9d9a420c721656e1fc6f0b09e47b08673",
        "hub.clients.clerk.services[0]=documents",
        "hub.systems.docaxis.poll-interval=200",
})
abstract class SecurityIntegrationTest extends HubIntegrationTest {

    /** The one-stop system's new key, valid beside the old one during the rotation. */
    static final String ROTATED_ONESTOP_KEY = "demo-onestop-key-2027";
    /** The land system's previous key: its hash was removed from hub.clients.sector-land.api-key-hashes. */
    static final String REVOKED_KEY = "demo-sector-land-key-2025";
    static final String STRANGER_KEY = "demo-stranger-key";
    static final String THROTTLED_KEY = "demo-throttled-key";
    static final String QUOTA_KEY = "demo-quota-key";
    static final String CLERK_KEY = "demo-clerk-key";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessAudit accessAudit;

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Rows of the tables an accepted request would write to, to prove a refused one wrote nothing. */
    Map<String, Long> storedState() {
        return Map.of("dossier", count("dossier"), "dossier_status_change", count("dossier_status_change"),
                "document_request", count("document_request"), "payment_transaction", count("payment_transaction"));
    }

    static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("correlationId").asText()).isNotBlank();
    }

    /** Refusals are written to the audit asynchronously: waits until the writer has stored every one made so far. */
    void awaitRefusalsStored() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> accessAudit.backlog() == 0);
    }

    static void assertFault(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains("<faultcode>").contains("<f:code>" + code + "</f:code>");
    }

    /** The refusals of a system stored so far, once every refusal already answered has reached the audit. */
    List<Map<String, Object>> refusalsOf(String system) {
        awaitRefusalsStored();
        return jdbc.sql("SELECT service, http_method, path, reason FROM access_refusal WHERE caller_system = ? "
                + "ORDER BY id").param(system).query().listOfRows();
    }
}
