package vn.lgsp.hub.registries;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Verification;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.sectors.DossierRouter;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Dossiers delivered unverified, kept in the database until verified: the hub's cache had no answer for the
 * applicant (the registry is then asked beside the delivery, {@link #verifyBeside}), or the registry was down. The
 * sweep (route registry-reverification-sweep) retries what is still here with growing backoff; once the registry
 * answers, the verified applicant is kept with its DVCQG sync event and, when the hub delivered the dossier to the
 * one-stop system and the registry verified it, a {@value #DOSSIER_ENRICHED} update is queued through the outbox,
 * in the same transaction that forgets the entry. A node claims an entry by moving its next attempt, so several
 * consumers and nodes never verify the same dossier at once.
 */
@Component("unverifiedDossiers")
public class UnverifiedDossiers {

    public static final String DOSSIER_ENRICHED = "DOSSIER_ENRICHED";
    /** The one-stop system tells the update from the first delivery by this Idempotency-Key suffix. */
    public static final String UPDATE_KEY_SUFFIX = ":enriched";
    private static final Logger log = LoggerFactory.getLogger(UnverifiedDossiers.class);

    private record Due(String dossierCode, int attempts) {
    }

    private final JdbcClient jdbc;
    private final DossierStore store;
    private final ApplicantVerifier verifier;
    private final CanonicalJson json;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final VerifiedApplicants applicants;
    private final TransactionTemplate tx;
    private final RegistryProperties.Reverification policy;
    private final String onestopQueue;
    private final DossierRouter router;

    public UnverifiedDossiers(JdbcClient jdbc, DossierStore store, ApplicantVerifier verifier, CanonicalJson json,
                              Outbox outbox, DossierTrail trail, VerifiedApplicants applicants,
                              TransactionTemplate tx, RegistryProperties registries, HubProperties hub,
                              DossierRouter router) {
        this.jdbc = jdbc;
        this.store = store;
        this.verifier = verifier;
        this.json = json;
        this.outbox = outbox;
        this.trail = trail;
        this.applicants = applicants;
        this.tx = tx;
        this.policy = registries.reverification();
        this.onestopQueue = hub.queues().onestopDelivery();
        this.router = router;
    }

    /**
     * Remembers a dossier for verification; registering it again (a redelivered message) changes nothing. One
     * statement that cannot fail on a repeat, so it can share a transaction with other work (a group commit).
     */
    public void register(String dossierCode, String registry, String reason) {
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO registry_unverified_dossier (dossier_code, registry, registered_at, attempts, "
                        + "next_attempt_at, last_error) SELECT ?, ?, ?, 0, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM registry_unverified_dossier WHERE dossier_code = ?)")
                .params(dossierCode, registry, now, now.plus(policy.initialBackoff()), limit(reason), dossierCode)
                .update();
    }

    /**
     * Verifies a dossier delivered unverified, now (route applicant-enrichment-from-registries, beside the
     * delivery); returns whether it was verified and its update queued. Nothing to do when it is no longer waiting
     * (the sweep was first, or a repeated message); a registry still unable to answer leaves it to the sweep.
     */
    public boolean verifyBeside(String dossierCode) {
        Optional<Integer> attempts = jdbc.sql("SELECT attempts FROM registry_unverified_dossier WHERE dossier_code = ?")
                .param(dossierCode).query(Integer.class).optional();
        return attempts.isPresent() && claim(new Due(dossierCode, attempts.get()), now())
                && retry(dossierCode, RegistryLookups.Action.ENRICHMENT);
    }

    /** Dossiers still waiting for verification. */
    public long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_unverified_dossier").query(Long.class).single();
    }

    public boolean isWaiting(String dossierCode) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_unverified_dossier WHERE dossier_code = ?")
                .param(dossierCode).query(Long.class).single() > 0;
    }

    /** Retries the dossiers whose next attempt is due; returns how many were verified and queued as updates. */
    public int sweep() {
        OffsetDateTime now = now();
        List<Due> due = jdbc.sql("SELECT dossier_code, attempts FROM registry_unverified_dossier "
                        + "WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + policy.batch())
                .param(now)
                .query((rs, n) -> new Due(rs.getString(1), rs.getInt(2))).list();
        int updated = 0;
        for (Due d : due) {
            if (claim(d, now) && retry(d.dossierCode(), RegistryLookups.Action.REENRICHMENT)) {
                updated++;
            }
        }
        return updated;
    }

    private boolean claim(Due d, OffsetDateTime now) {
        return jdbc.sql("UPDATE registry_unverified_dossier SET attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE dossier_code = ? AND attempts = ?")
                .params(now.plus(backoff(d.attempts() + 1)), d.dossierCode(), d.attempts())
                .update() == 1;
    }

    private boolean retry(String dossierCode, RegistryLookups.Action action) {
        var stored = store.find(dossierCode);
        if (stored.isEmpty()) {
            jdbc.sql("DELETE FROM registry_unverified_dossier WHERE dossier_code = ?").param(dossierCode).update();
            return false;
        }
        Dossier dossier = json.parse(stored.get().payload(), Dossier.class);
        ApplicantVerifier.Result result = verifier.verify(dossier, action);
        if (result.status() == Verification.Status.UNVERIFIED) {
            jdbc.sql("UPDATE registry_unverified_dossier SET last_error = ? WHERE dossier_code = ?")
                    .params(limit(result.failure()), dossierCode).update();
            return false;
        }
        // Its own transaction, not a shared commit: it locks the dossier's row.
        Boolean queued = tx.execute(status -> {
            int forgotten = jdbc.sql("DELETE FROM registry_unverified_dossier WHERE dossier_code = ?")
                    .param(dossierCode).update();
            if (forgotten == 0) {
                return false; // another node finished it
            }
            applicants.save(dossierCode, result.dossier().applicant()); // and its DVCQG sync event
            // The one-stop system holds the dossier as submitted: it gets an update when the registry completed it.
            boolean toOnestop = result.status() == Verification.Status.VERIFIED
                    && router.goesToOnestop(stored.get().sourceSystem());
            if (toOnestop) {
                outbox.enqueue(onestopQueue, dossierCode, DOSSIER_ENRICHED, json.write(result.dossier()));
            }
            trail.record(dossierCode, TrailKind.APPLICANT_REENRICHED, result.registry(),
                    "applicant " + result.status().name().toLowerCase().replace('_', ' ')
                            + (action == RegistryLookups.Action.REENRICHMENT ? " after the registry recovered"
                                    : " beside the delivery")
                            + "; update queued for " + (toOnestop ? "onestop and dvcqg" : "dvcqg"));
            return true;
        });
        if (Boolean.TRUE.equals(queued) && action == RegistryLookups.Action.REENRICHMENT) {
            log.info("Dossier {} verified against {}; update queued", dossierCode, result.registry());
        }
        return Boolean.TRUE.equals(queued);
    }

    /** initial × 2^(attempt−1), at most the maximum. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration d = policy.initialBackoff().multipliedBy(factor);
        return d.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : d;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(DossierTrail.ZONE);
    }

    private static String limit(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
