package vn.lgsp.hub.dossier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.GroupCommitter.Outcome;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Writes a batch of prepared submissions inside the group commit's transaction with a fixed number of statements,
 * however large the batch: one query per kind of earlier submission (Idempotency-Keys, source references, dossier
 * codes given by the callers), one for the batch's numbers of the code sequence, then one JDBC batch per table
 * (dossier, idempotency_key, each follower's, dossier_event, outbox_message). The answers are those of
 * {@link DossierIntake} one submission at a time, also between submissions of the same batch: the second of two
 * with the same source reference or key repeats the first. What a batch cannot foresee (another node inserting
 * the same source reference meanwhile) fails the batch; {@link GroupCommit} then writes each submission alone.
 */
@Component
class IntakeWriter implements GroupCommit.BatchWriter<IntakeSubmission, IntakeReceipt> {

    private final DossierStore store;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final List<IntakeFollower> followers;

    IntakeWriter(DossierStore store, DossierTrail trail, Outbox outbox, List<IntakeFollower> followers) {
        this.store = store;
        this.trail = trail;
        this.outbox = outbox;
        this.followers = followers;
    }

    @Override
    public List<Outcome<IntakeReceipt>> write(List<IntakeSubmission> batch) {
        Answers answers = new Answers(batch);
        String[] codes = codes(batch, answers.fresh);
        List<DossierStore.NewDossier> dossiers = new ArrayList<>(answers.fresh.size());
        List<DossierStore.IdempotencyKey> keys = new ArrayList<>();
        List<DossierTrail.Note> notes = new ArrayList<>();
        List<Outbox.Draft> messages = new ArrayList<>();
        for (int i : answers.fresh) {
            IntakeSubmission submission = batch.get(i);
            String code = codes[i];
            String payload = submission.payload().json(code);
            dossiers.add(new DossierStore.NewDossier(submission.payload().dossier(code), payload));
            if (submission.idempotencyKey() != null) {
                keys.add(new DossierStore.IdempotencyKey(submission.caller(), submission.idempotencyKey(),
                        submission.requestHash(), code, submission.at()));
            }
            submission.trail().forEach(e -> notes.add(new DossierTrail.Note(code, e.kind(), e.system(), e.detail())));
            submission.payloadQueues().forEach(queue -> messages.add(Outbox.Draft.of(queue, code,
                    DossierIntake.DOSSIER_RECEIVED, payload)));
            submission.codeQueues().forEach(queue -> messages.add(Outbox.Draft.of(queue, code,
                    DossierIntake.DOSSIER_RECEIVED, code)));
            answers.outcomes[i] = Outcome.of(IntakeReceipt.accepted(code, false));
        }
        store.insertAll(dossiers);
        store.insertIdempotencyKeys(keys);
        List<Dossier> accepted = dossiers.stream().map(DossierStore.NewDossier::dossier).toList();
        followers.forEach(follower -> follower.received(accepted, notes, messages));
        notes.addAll(answers.repeatsAnswered(codes)); // after the originals' own entries, as one at a time
        trail.recordAll(notes);
        outbox.enqueueAll(messages);
        return List.of(answers.outcomes);
    }

    /**
     * The answer to a submission that repeats one already stored, if it does (by its Idempotency-Key first, then
     * by its source reference; the latter recorded in the original's trail): what a submission that failed to
     * insert (another request stored the same meanwhile) is answered.
     */
    Optional<IntakeReceipt> earlierSubmission(IntakeSubmission submission) {
        Earlier earlier = new Earlier(List.of(submission));
        Optional<Outcome<IntakeReceipt>> stored = earlier.stored(submission);
        trail.recordAll(earlier.notes);
        return stored.map(outcome -> {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.value();
        });
    }

    /** The codes of the new submissions: the caller's, or the prefix and a number of the shared sequence. */
    private String[] codes(List<IntakeSubmission> batch, List<Integer> fresh) {
        String[] codes = new String[batch.size()];
        int numbered = (int) fresh.stream().filter(i -> batch.get(i).suppliedCode() == null).count();
        Iterator<Long> numbers = store.nextSequences(numbered).iterator();
        for (int i : fresh) {
            IntakeSubmission submission = batch.get(i);
            codes[i] = submission.suppliedCode() != null ? submission.suppliedCode()
                    : submission.codePrefix() + "%04d".formatted(numbers.next());
        }
        return codes;
    }

    private static Outcome<IntakeReceipt> keyReused() {
        return Outcome.failed(new HubException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was first used with a different dossier"));
    }

    private static DossierTrail.Note duplicateBySource(String original, IntakeSubmission submission) {
        return new DossierTrail.Note(original, TrailKind.DUPLICATE_SUBMISSION, submission.caller(),
                "same sourceRef submitted again; original receipt returned");
    }

    /**
     * Each submission's answer, decided in the batch's order exactly as one at a time: its key (stored, or of an
     * earlier submission of the batch), then its source reference likewise, then a dossier code the caller gave
     * that is taken. What is left is new ({@link #fresh}).
     */
    private final class Answers {

        private final List<IntakeSubmission> batch;
        private final Earlier earlier;
        private final Outcome<IntakeReceipt>[] outcomes;
        /** The earlier submission of the batch each one repeats, or -1. */
        private final int[] repeats;
        private final boolean[] bySource;
        private final List<Integer> fresh = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Answers(List<IntakeSubmission> batch) {
            this.batch = batch;
            this.earlier = new Earlier(batch);
            this.outcomes = new Outcome[batch.size()];
            this.repeats = new int[batch.size()];
            this.bySource = new boolean[batch.size()];
            Arrays.fill(repeats, -1);
            for (int i = 0; i < batch.size(); i++) {
                decide(i, batch.get(i));
            }
        }

        private void decide(int i, IntakeSubmission submission) {
            Integer byKey = earlier.storedKey(submission) == null ? earlier.batchKey(submission) : null;
            Optional<Outcome<IntakeReceipt>> stored = byKey == null ? earlier.stored(submission) : Optional.empty();
            Integer bySourceRef = byKey == null && stored.isEmpty() ? earlier.batchSource(submission) : null;
            if (byKey != null) {
                repeats[i] = byKey;
                outcomes[i] = submission.requestHash().equals(batch.get(byKey).requestHash()) ? null : keyReused();
            } else if (stored.isPresent()) {
                outcomes[i] = stored.get();
            } else if (bySourceRef != null) {
                repeats[i] = bySourceRef;
                bySource[i] = true;
            } else if (submission.suppliedCode() != null && !earlier.takeCode(submission.suppliedCode())) {
                outcomes[i] = Outcome.failed(new DuplicateKeyException("Dossier code " + submission.suppliedCode()
                        + " is taken")); // DossierIntake answers it as it answers a failed insert
            } else {
                earlier.claim(submission, i);
                fresh.add(i);
            }
        }

        /** Answers the repeats of the batch's new dossiers; the trail entries of repeats by source reference. */
        List<DossierTrail.Note> repeatsAnswered(String[] codes) {
            List<DossierTrail.Note> notes = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (repeats[i] >= 0 && outcomes[i] == null) {
                    String original = codes[repeats[i]];
                    if (bySource[i]) {
                        notes.add(duplicateBySource(original, batch.get(i)));
                    }
                    outcomes[i] = Outcome.of(IntakeReceipt.accepted(original, true));
                }
            }
            notes.addAll(earlier.notes);
            return notes;
        }
    }

    /** What a batch's submissions may repeat: what is stored (one query per kind), and the batch's own. */
    private final class Earlier {

        private final Map<DossierStore.ClientKey, DossierStore.IdempotencyKey> storedKeys;
        private final Map<DossierStore.SourceRef, StoredDossier> storedSources;
        private final Set<String> takenCodes;
        private final Map<DossierStore.ClientKey, Integer> batchKeys = new HashMap<>();
        private final Map<DossierStore.SourceRef, Integer> batchSources = new HashMap<>();
        /** Trail entries of stored dossiers submitted again. */
        private final List<DossierTrail.Note> notes = new ArrayList<>();

        Earlier(List<IntakeSubmission> batch) {
            storedKeys = store.findIdempotencyKeys(batch.stream().map(IntakeSubmission::clientKey)
                    .filter(Objects::nonNull).distinct().toList());
            storedSources = store.findBySources(batch.stream().map(IntakeSubmission::ref).distinct().toList());
            takenCodes = new HashSet<>(store.existingCodes(batch.stream().map(IntakeSubmission::suppliedCode)
                    .filter(Objects::nonNull).distinct().toList()));
        }

        DossierStore.IdempotencyKey storedKey(IntakeSubmission submission) {
            return submission.clientKey() == null ? null : storedKeys.get(submission.clientKey());
        }

        /** The answer to a submission repeating a stored one: by key (422 with another request), then by source. */
        Optional<Outcome<IntakeReceipt>> stored(IntakeSubmission submission) {
            DossierStore.IdempotencyKey key = storedKey(submission);
            if (key != null) {
                return Optional.of(key.requestHash().equals(submission.requestHash())
                        ? Outcome.of(IntakeReceipt.accepted(key.dossierCode(), true)) : keyReused());
            }
            StoredDossier existing = storedSources.get(submission.ref());
            if (existing == null) {
                return Optional.empty();
            }
            notes.add(duplicateBySource(existing.dossierCode(), submission));
            return Optional.of(Outcome.of(IntakeReceipt.accepted(existing.dossierCode(), true)));
        }

        /** The new submission of the batch with the same key, if any. */
        Integer batchKey(IntakeSubmission submission) {
            return submission.clientKey() == null ? null : batchKeys.get(submission.clientKey());
        }

        /** The new submission of the batch with the same source reference, if any. */
        Integer batchSource(IntakeSubmission submission) {
            return batchSources.get(submission.ref());
        }

        boolean takeCode(String code) {
            return takenCodes.add(code);
        }

        void claim(IntakeSubmission submission, int index) {
            if (submission.clientKey() != null) {
                batchKeys.put(submission.clientKey(), index);
            }
            batchSources.put(submission.ref(), index);
        }
    }
}
