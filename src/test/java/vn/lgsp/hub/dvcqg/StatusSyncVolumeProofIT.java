package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sync to the national portal at volume: a thousand dossiers whose status changes arrive shuffled and partly
 * duplicated, from several systems at once, all end at the portal true and complete, each step once. Over 7,000
 * requests through the real API take a minute or two on a small machine, so this is a proof (-Pproof); the sync's
 * faults (portal down, lost answers, expired sessions, poison) are proven on the default run by
 * {@link StatusSyncToDvcqgIT}.
 */
class StatusSyncVolumeProofIT extends DvcqgSyncTest {

    @Test
    void thousandDossiersWithShuffledDuplicatedStatusChangesEndTrueAndComplete() throws Exception {
        int dossiers = 1000;
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> intake = new ArrayList<>();
        for (int i = 0; i < dossiers; i++) {
            intake.add(() -> codes.add(newDossier("BULK")));
        }
        Instant start = Instant.now();
        inParallel(intake, 8);

        Random random = new Random(42);
        List<Runnable> changes = new ArrayList<>();
        for (String code : codes) {
            for (int i = 0; i < LIFE.length; i++) {
                int status = LIFE[i];
                int minute = i + 1;
                changes.add(() -> postStatus(code, status, minute));
                if (random.nextInt(4) == 0) {
                    changes.add(() -> postStatus(code, status, minute)); // duplicate report
                }
            }
        }
        Collections.shuffle(changes, random);
        inParallel(changes, 8);
        Instant posted = Instant.now();

        within(Duration.ofMinutes(4)).until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 10, LIFE.length)));
        Instant synced = Instant.now();
        for (String code : codes) {
            assertEachStepOnce(code, LIFE);
        }
        assertThat(codes).hasSize(dossiers);
        System.out.printf("1000 dossiers x 5 changes (+dups): %d requests posted in %s, all synced after %s%n",
                dossiers + changes.size(), Duration.between(start, posted), Duration.between(start, synced));
    }
}
