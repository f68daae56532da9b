package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;

/** Every dossier and status change reaches the national portal: complete, once, the latest status winning. */
class StatusSyncToDvcqgIT extends DvcqgSyncTest {

    @Autowired
    JmsTemplate jms;

    @Test
    void dossierAndItsStatusChangesReachThePortalOnceInOrder() {
        String code = newDossier("DVCQG");
        for (int i = 0; i < LIFE.length; i++) {
            postStatus(code, LIFE[i], i + 1);
        }

        eventually().until(() -> portalHoldsLife(code, 10, LIFE.length));
        assertEachStepOnce(code, LIFE);
        var held = portal.held(code);
        assertThat(held.dossier().get("ChuHoSo").asText()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(held.dossier().get("NgayTra").asText()).matches("\\d{14}");
        List<String> times = held.progress().stream().map(s -> s.get("ThoiDiemXuLy").asText()).toList();
        assertThat(times).isSorted();
        var inspected = hub.get("/sim/dvcqg/dossiers/" + code, null).json();
        assertThat(inspected.get("inserts").asInt()).isEqualTo(1);
        assertThat(inspected.get("progressArrivals").size()).isEqualTo(LIFE.length);
        inspected.get("progressArrivals").forEach(count -> assertThat(count.asInt()).isEqualTo(1));
    }

    @Test
    void lateOlderStatusNeverOverwritesTheNewerOneAtThePortal() {
        String code = newDossier("DVCQG-LATE");
        postStatus(code, 10, 5);
        eventually().until(() -> portalHoldsLife(code, 10, 1));

        postStatus(code, 4, 2);
        postStatus(code, 10, 5); // a duplicate report

        eventually().until(() -> portal.held(code).progress().size() == 2);
        assertThat(portal.held(code).status()).isEqualTo(10);
        assertEachStepOnce(code, new int[] {10, 4});
    }

    @Test
    void portalThatLostADossierGetsItBackWholeWithTheNextChange() {
        String code = newDossier("DVCQG-LOST");
        postStatus(code, 2, 1);
        eventually().until(() -> portalHoldsLife(code, 2, 1));
        portal.lose(code);

        postStatus(code, 4, 2);

        eventually().until(() -> portalHoldsLife(code, 4, 2));
        assertThat(portal.held(code).inserts()).isEqualTo(1);
        assertThat(portal.held(code).progress()).extracting(s -> s.get("TrangThai").asInt()).containsExactly(2, 4);
    }

    @Test
    void portalDownForAWhileThenUpLosesAndDuplicatesNothing() {
        portal.injectFaults(new Faults(null, 503, null, Instant.now().plus(Duration.ofHours(1)), null));
        List<String> codes = dossiersThrough("DOWN", 20, 2, 4);
        within(Duration.ofSeconds(10)).until(() -> codes.stream().anyMatch(c -> hub.get("/api/v1/dossiers/" + c,
                ONESTOP_KEY).body().contains("DELIVERY_RETRY")));
        assertThat(codes).allMatch(c -> portal.held(c) == null);

        portal.clearFaults();

        within(Duration.ofSeconds(40)).until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 4, 2)));
        codes.forEach(c -> assertEachStepOnce(c, new int[] {2, 4}));
    }

    @Test
    void lostAcknowledgementsNeverDoubleADossierOrAStep() {
        portal.loseAnswers(8);
        List<String> codes = dossiersThrough("LOST-ACK", 6, 2, 4);

        within(Duration.ofSeconds(40)).until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 4, 2)));
        codes.forEach(c -> assertEachStepOnce(c, new int[] {2, 4}));
        assertThat(portal.answersStillToLose()).as("every injected lost answer happened").isZero();
    }

    @Test
    void sessionExpiringMidStreamLosesNoEvent() {
        portal.sessionPolicy(new DvcqgSimulator.SessionPolicy(null, 3));
        long loginsBefore = portal.logins();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String code = newDossier("SESSION");
            codes.add(code);
            postStatus(code, 2, 1);
            if (i == 7) {
                portal.expireSessions();
            }
            postStatus(code, 9, 2);
        }

        within(Duration.ofSeconds(40)).until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 9, 2)));
        codes.forEach(c -> assertEachStepOnce(c, new int[] {2, 9}));
        // Batched syncs make few calls: the expiry alone is sure to cost one login more than the first.
        assertThat(portal.logins() - loginsBefore).as("logged in again after expiry").isGreaterThanOrEqualTo(2);
    }

    @Test
    void poisonDossierGoesToTheDeadLetterQueueWhileOthersKeepSyncing() {
        String poisoned = newDossierFlaggedPoison();
        List<String> others = dossiersThrough("HEALTHY", 10, 2);
        postStatus(poisoned, 2, 1);

        within(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(c -> portalHoldsLife(c, 2, 1)));
        within(Duration.ofSeconds(30)).until(() -> deadLettered(poisoned).size() >= 1);
        assertThat(portal.held(poisoned)).isNull();
        String reason = deadLettered(poisoned).get(0);
        assertThat(reason).contains("DongBoHoSoMC").contains("error_code 1").contains("không hợp lệ");
        assertThat(others).noneMatch(c -> !deadLettered(c).isEmpty());
    }

    /** A dossier whose code the portal rejects as invalid data, flagged before the hub ever sends it. */
    private String newDossierFlaggedPoison() {
        String code = "H15.50.05.13-POISON-" + Dossiers.newRef("P").substring(2);
        portal.poison(code);
        String body = Dossiers.citizen(Dossiers.newRef("POISON")).replaceFirst("\\{", "{\"dossierCode\":\"" + code + "\",");
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return code;
    }

    private List<String> deadLettered(String code) {
        return jms.browse("lgsp.dvcqg.sync.DLQ", (session, browser) -> {
            List<String> reasons = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                var m = (jakarta.jms.Message) messages.nextElement();
                if (code.equals(m.getStringProperty("hubDossierCode"))) {
                    reasons.add(m.getStringProperty("hubDeadLetterReason"));
                }
            }
            return reasons;
        });
    }
}
