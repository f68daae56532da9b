package vn.lgsp.hub.registries;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Verification;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierIntake;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.sectors.DossierRouter;

/**
 * Verifies and completes the applicant of a newly received dossier from the national registries, without ever
 * making a delivery wait for a registry.
 *
 * <p>Step {@code enrich} of route dossier-delivery-to-onestop: when the hub's cache still holds the registry's
 * answer for the applicant, the dossier is delivered verified (or NOT_FOUND) at once. Otherwise it is delivered as
 * received, marked UNVERIFIED, remembered in {@link UnverifiedDossiers}, and a message on the registries' queue
 * (route applicant-enrichment-from-registries, its own consumers) has the registry asked beside the delivery; when
 * the registry verifies the applicant, the one-stop system gets the {@link UnverifiedDossiers#DOSSIER_ENRICHED}
 * update under its own idempotency key. A registry down is the same case: the sweep retries what the queue could
 * not finish.
 *
 * <p>Step {@code verify} of route applicant-enrichment-from-registries: asks the registry, there and only there.
 */
@Component("applicantEnrichment")
public class ApplicantEnrichment {

    /** Exchange property appended to the dossier code to form the delivery's Idempotency-Key. */
    public static final String KEY_SUFFIX = "hubDeliveryKeySuffix";
    /** Event type of the message that has a dossier delivered unverified verified on the registries' queue. */
    public static final String VERIFY_BESIDE = "APPLICANT_TO_VERIFY";

    private final ApplicantVerifier verifier;
    private final UnverifiedDossiers unverified;
    private final VerifiedApplicants applicants;
    private final CanonicalJson json;
    private final GroupCommit commits;
    private final TransactionTemplate tx;
    private final ProducerTemplate producer;
    private final String verificationQueue;
    private final Timer timer;

    public ApplicantEnrichment(ApplicantVerifier verifier, UnverifiedDossiers unverified,
                               VerifiedApplicants applicants, CanonicalJson json, GroupCommit commits,
                               TransactionTemplate tx,
                               ProducerTemplate producer, DossierRouter router, MeterRegistry meters) {
        this.verifier = verifier;
        this.unverified = unverified;
        this.applicants = applicants;
        this.json = json;
        this.commits = commits;
        this.tx = tx;
        this.producer = producer;
        this.verificationQueue = "jms:queue:" + router.enrichmentQueue();
        this.timer = Timer.builder("hub.registry.enrichment")
                .description("The enrichment step of one dossier's delivery (registries are never asked there)")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** On the delivery path: from the cache, or unverified with the registry asked beside; never a remote call. */
    public void enrich(Exchange exchange) {
        String eventType = exchange.getProperty(MessageHeaders.EVENT_TYPE, String.class);
        if (UnverifiedDossiers.DOSSIER_ENRICHED.equals(eventType)) {
            // Verified beside the delivery or by the sweep, which the hub itself wrote: deliver as the update it is.
            exchange.setProperty(KEY_SUFFIX, UnverifiedDossiers.UPDATE_KEY_SUFFIX);
            return;
        }
        if (!DossierIntake.DOSSIER_RECEIVED.equals(eventType)) {
            return;
        }
        timer.record(() -> {
            Dossier dossier = json.parse(exchange.getMessage().getBody(String.class), Dossier.class);
            Optional<ApplicantVerifier.Result> known = verifier.fromCache(dossier, RegistryLookups.Action.ENRICHMENT);
            ApplicantVerifier.Result result = known.orElseGet(() -> verifier.unverified(dossier, null));
            if (known.isPresent()) {
                // One transaction of its own: keeping the applicant locks the dossier's row.
                tx.executeWithoutResult(status -> {
                    verifier.record(result);
                    applicants.save(dossier.dossierCode(), result.dossier().applicant());
                });
            } else {
                // Inserts only: they share the group commits.
                commits.run(() -> {
                    verifier.record(result);
                    unverified.register(dossier.dossierCode(), result.registry(), ApplicantVerifier.NOT_CACHED);
                    return null;
                });
                // The registry is asked on its own queue, by its own consumers, never on this thread.
                String code = dossier.dossierCode();
                producer.sendBodyAndHeaders(verificationQueue, code, Map.of(MessageHeaders.DOSSIER_CODE, code,
                        MessageHeaders.EVENT_TYPE, VERIFY_BESIDE, MessageHeaders.GROUP_ID, code));
            }
            exchange.getMessage().setBody(json.write(result.dossier()));
        });
    }

    /**
     * On the registries' own queue: a dossier delivered unverified is verified now (its update queued when the
     * registry verifies it); a dossier the one-stop system does not get from the hub is verified and kept.
     */
    public void verify(Exchange exchange) {
        String eventType = exchange.getProperty(MessageHeaders.EVENT_TYPE, String.class);
        if (VERIFY_BESIDE.equals(eventType)) {
            unverified.verifyBeside(exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class));
            return;
        }
        if (!DossierIntake.DOSSIER_RECEIVED.equals(eventType)) {
            return;
        }
        Dossier dossier = json.parse(exchange.getMessage().getBody(String.class), Dossier.class);
        ApplicantVerifier.Result result = verifier.verify(dossier, RegistryLookups.Action.ENRICHMENT);
        if (result.status() == Verification.Status.UNVERIFIED) {
            commits.run(() -> {
                unverified.register(dossier.dossierCode(), result.registry(), result.failure());
                return null;
            });
        } else {
            applicants.save(dossier.dossierCode(), result.dossier().applicant());
        }
    }
}
