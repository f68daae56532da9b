package vn.lgsp.hub.dossier;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierStatus;
import vn.lgsp.hub.catalogue.ProcedureCatalogue;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Accepts dossiers from every adapter (REST, SOAP, later files and pollers): validates, assigns the dossier code,
 * stores the dossier with its trail and its delivery message in one transaction, and answers only after that
 * commit (a transaction shared with concurrent requests: {@link GroupCommit}). A repeated submission (same source reference, or same Idempotency-Key) gets the original receipt and
 * creates nothing new.
 */
@Service("dossierIntake")
public class DossierIntake {

    public static final String DOSSIER_RECEIVED = "DOSSIER_RECEIVED";
    /** The system named in the trail for what the procedure catalogue says of a dossier. */
    public static final String CATALOGUE = "catalogue";
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierStore store;
    private final DossierValidation validation;
    private final CanonicalJson json;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final GroupCommit commits;
    private final String dvcqgQueue;
    private final DossierDestinations router;
    private final AccessRights rights;
    private final ProcedureCatalogue catalogue;
    private final List<IntakeFollower> followers;

    public DossierIntake(DossierStore store, DossierValidation validation, CanonicalJson json, DossierTrail trail,
                         Outbox outbox, GroupCommit commits, HubProperties properties, DossierDestinations router,
                         AccessRights rights, ProcedureCatalogue catalogue, List<IntakeFollower> followers) {
        this.store = store;
        this.validation = validation;
        this.json = json;
        this.trail = trail;
        this.outbox = outbox;
        this.commits = commits;
        this.dvcqgQueue = properties.queues().dvcqgSync();
        this.router = router;
        this.rights = rights;
        this.catalogue = catalogue;
        this.followers = followers;
    }

    /** Accepts a dossier given as canonical JSON, as mappings of non-JSON adapters produce it. */
    public IntakeReceipt acceptJson(String canonicalJson, ConnectedSystem caller, String idempotencyKey) {
        return accept(json.parse(canonicalJson, Dossier.class), caller, idempotencyKey);
    }

    public IntakeReceipt accept(Dossier received, ConnectedSystem caller, String idempotencyKey) {
        validation.check(received);
        // Only the hub says what the national registries verified: a verification block sent by a caller is dropped.
        Dossier submitted = received.applicant().verification() == null ? received
                : received.withApplicant(received.applicant().withVerification(null));
        String source = submitted.sourceSystem() == null ? caller.id() : submitted.sourceSystem();
        rights.requireOwnSource(caller, source);
        String requestHash = json.hash(submitted);
        // Resolved before anything is stored; every dossier has a destination (at least where it was received).
        DossierDestinations.Destination destination = router.destination(submitted, caller);
        try {
            // The duplicate check and the writes share a transaction with other requests' (one commit for many).
            return commits.run(() -> earlierSubmission(caller, idempotencyKey, requestHash, source, submitted)
                    .orElseGet(() -> store(submitted, source, caller, idempotencyKey, requestHash, destination)));
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // Another request stored the same submission between our check and our insert.
            return earlierSubmission(caller, idempotencyKey, requestHash, source, submitted)
                    .orElseThrow(() -> new HubException(ErrorCode.DOSSIER_CODE_CONFLICT,
                            "Dossier code " + submitted.dossierCode() + " already belongs to another submission"));
        }
    }

    private Optional<IntakeReceipt> earlierSubmission(ConnectedSystem caller, String idempotencyKey,
                                                      String requestHash, String source, Dossier submitted) {
        if (idempotencyKey != null) {
            var byKey = store.findIdempotencyKey(caller.id(), idempotencyKey);
            if (byKey.isPresent()) {
                if (!byKey.get()[1].equals(requestHash)) {
                    throw new HubException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was first used with a different dossier");
                }
                return Optional.of(IntakeReceipt.accepted(byKey.get()[0], true));
            }
        }
        return store.findBySource(source, submitted.sourceRef()).map(existing -> {
            trail.record(existing.dossierCode(), TrailKind.DUPLICATE_SUBMISSION, caller.id(),
                    "same sourceRef submitted again; original receipt returned");
            return IntakeReceipt.accepted(existing.dossierCode(), true);
        });
    }

    private IntakeReceipt store(Dossier submitted, String source, ConnectedSystem caller, String idempotencyKey,
                                String requestHash, DossierDestinations.Destination destination) {
        OffsetDateTime now = DossierTrail.now();
        OffsetDateTime receivedAt = submitted.receivedAt() == null ? now : submitted.receivedAt();
        String code = submitted.dossierCode() != null ? submitted.dossierCode() : newCode(submitted, receivedAt);
        int status = submitted.status() == null ? DossierStatus.SUBMITTED.code() : submitted.status();
        // Completed from the procedure catalogue (name, field of activity, due date, fee kinds); never refused by it.
        ProcedureCatalogue.Completion completion = catalogue.complete(submitted.acceptedAs(code, source, receivedAt,
                status));
        Dossier accepted = completion.dossier();
        String payload = json.write(accepted);
        store.insert(accepted, payload);
        if (idempotencyKey != null) {
            store.insertIdempotencyKey(caller.id(), idempotencyKey, requestHash, code, now);
        }
        trail.record(code, TrailKind.RECEIVED, caller.id(), "procedure " + accepted.procedureCode()
                + ", agency " + accepted.agencyCode() + ", channel " + accepted.channel());
        completion.warnings().forEach(warning -> trail.record(code, TrailKind.CATALOGUE_WARNING, CATALOGUE, warning));
        if (destination.sectorSystem() != null) {
            trail.record(code, TrailKind.ROUTED, destination.sectorSystem(), "routed by procedure and agency");
        } else if (destination.processedBy().equals(source)) {
            trail.record(code, TrailKind.ROUTED, destination.processedBy(), "processed where it was received: no "
                    + "sector rule for procedure " + accepted.procedureCode() + " at agency " + accepted.agencyCode());
        }
        destination.queues().forEach(queue -> outbox.enqueue(queue, code, DOSSIER_RECEIVED, payload));
        outbox.enqueue(dvcqgQueue, code, DOSSIER_RECEIVED, code); // the sync reads the current snapshot itself
        followers.forEach(f -> f.received(accepted));
        return IntakeReceipt.accepted(code, false);
    }

    /** {agency code}-{yymmdd}-{sequence}, the shape of MaHoSo; the sequence is shared by all hub nodes. */
    private String newCode(Dossier dossier, OffsetDateTime receivedAt) {
        return "%s-%s-%04d".formatted(dossier.agencyCode(),
                receivedAt.atZoneSameInstant(DossierTrail.ZONE).format(CODE_DATE), store.nextSequence());
    }
}
