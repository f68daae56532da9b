package vn.lgsp.hub.registries;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Verification;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierIntake;
import vn.lgsp.hub.delivery.MessageHeaders;

/**
 * Step {@code applicantEnrichment} of route dossier-delivery-to-onestop: completes and verifies the applicant of
 * a newly received dossier from the national registries before the one-stop system gets it. When the registry is
 * down the dossier goes on unverified and is remembered (in the database) for re-verification; the update that
 * follows ({@link UnverifiedDossiers#DOSSIER_ENRICHED}) is delivered as it is, under its own idempotency key.
 */
@Component("applicantEnrichment")
public class ApplicantEnrichment {

    /** Exchange property appended to the dossier code to form the delivery's Idempotency-Key. */
    public static final String KEY_SUFFIX = "hubDeliveryKeySuffix";

    private final ApplicantVerifier verifier;
    private final UnverifiedDossiers unverified;
    private final VerifiedApplicants applicants;
    private final CanonicalJson json;
    private final Timer timer;

    public ApplicantEnrichment(ApplicantVerifier verifier, UnverifiedDossiers unverified,
                               VerifiedApplicants applicants, CanonicalJson json, MeterRegistry meters) {
        this.verifier = verifier;
        this.unverified = unverified;
        this.applicants = applicants;
        this.json = json;
        this.timer = Timer.builder("hub.registry.enrichment").description("Verifying one dossier's applicant")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public void enrich(Exchange exchange) {
        String eventType = exchange.getProperty(MessageHeaders.EVENT_TYPE, String.class);
        if (UnverifiedDossiers.DOSSIER_ENRICHED.equals(eventType)) {
            // Verified by the sweep, which the hub itself wrote: deliver as the update it is.
            exchange.setProperty(KEY_SUFFIX, UnverifiedDossiers.UPDATE_KEY_SUFFIX);
            return;
        }
        if (!DossierIntake.DOSSIER_RECEIVED.equals(eventType)) {
            return;
        }
        timer.record(() -> {
            Dossier dossier = json.parse(exchange.getMessage().getBody(String.class), Dossier.class);
            ApplicantVerifier.Result result = verifier.verify(dossier, RegistryLookups.Action.ENRICHMENT);
            if (result.status() == Verification.Status.UNVERIFIED) {
                unverified.register(dossier.dossierCode(), result.registry(), result.failure());
            }
            applicants.save(dossier.dossierCode(), result.dossier().applicant());
            exchange.getMessage().setBody(json.write(result.dossier()));
        });
    }
}
