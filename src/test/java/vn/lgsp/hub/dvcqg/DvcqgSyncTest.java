package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** Base of the DVCQG sync tests: posting dossiers and status changes through the real API, and the simulator. */
abstract class DvcqgSyncTest extends HubIntegrationTest {

    /** Statuses every test dossier goes through after intake, in the order they happen. */
    static final int[] LIFE = {2, 4, 6, 9, 10};

    @Autowired
    DvcqgSimulator portal;

    @BeforeEach
    void resetPortal() {
        portal.reset();
    }

    String newDossier(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef(prefix)));
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    /** A status change body; minute n after a base moment safely after every test dossier's intake. */
    static String statusBody(int status, int minute) {
        OffsetDateTime at = BASE.plusMinutes(minute);
        return """
            {"status":%d,"at":"%s","note":"Bước %d: xử lý hồ sơ","officer":"Phạm Đức Anh"}
            """.formatted(status, at, status);
    }

    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1)
            .truncatedTo(ChronoUnit.SECONDS);

    void postStatus(String code, int status, int minute) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY, statusBody(status, minute));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    /** New dossiers, each reported through the given statuses (minute 1, 2, ... after the base moment). */
    List<String> dossiersThrough(String prefix, int count, int... statuses) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = newDossier(prefix);
            codes.add(code);
            for (int s = 0; s < statuses.length; s++) {
                postStatus(code, statuses[s], s + 1);
            }
        }
        return codes;
    }

    /** Runs the calls on a few threads, as several connected systems would. */
    static void inParallel(List<Runnable> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            calls.forEach(c -> done.add(pool.submit(c)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The portal holds the dossier at the status and with exactly these progress statuses, each once. */
    boolean portalHoldsLife(String code, int finalStatus, int steps) {
        DvcqgSimulator.Held held = portal.held(code);
        return held != null && held.status() == finalStatus && held.progress().size() >= steps;
    }

    void assertEachStepOnce(String code, int[] statuses) {
        DvcqgSimulator.Held held = portal.held(code);
        assertThat(held).as("portal holds " + code).isNotNull();
        assertThat(held.inserts()).as("inserted once").isEqualTo(1);
        List<Integer> progress = held.progress().stream().map(s -> s.get("TrangThai").asInt()).sorted().toList();
        assertThat(progress).as("progress of " + code).containsExactlyElementsOf(
                java.util.Arrays.stream(statuses).boxed().sorted().toList());
        for (JsonNode step : held.progress()) {
            assertThat(portal.receivedLog().get(DvcqgSimulator.stepKey(step)).arrivals()).isEqualTo(1);
        }
    }

    static ConditionFactory within(Duration limit) {
        return Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200));
    }
}
