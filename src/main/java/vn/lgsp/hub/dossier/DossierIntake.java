package vn.lgsp.hub.dossier;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierStatus;
import vn.lgsp.hub.catalogue.ProcedureCatalogue;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Accepts dossiers from every adapter (REST, SOAP, later files and pollers): validates, assigns the dossier code,
 * stores the dossier with its trail and its delivery messages in one transaction, and answers only after that
 * commit. A repeated submission (same source reference, or same Idempotency-Key) gets the original receipt and
 * creates nothing new.
 *
 * <p>The request thread decides everything that needs no database ({@link #prepare}: the dossier as stored, its
 * canonical JSON, its trail entries, where it goes); the commit, shared with concurrent requests
 * ({@link GroupCommit}), only checks for earlier submissions, takes the code's sequence number and writes: for a
 * whole batch of requests at once ({@link IntakeWriter}, docs/intake-write-path.md).
 */
@Service("dossierIntake")
public class DossierIntake {

    public static final String DOSSIER_RECEIVED = "DOSSIER_RECEIVED";
    /** The system named in the trail for what the procedure catalogue says of a dossier. */
    public static final String CATALOGUE = "catalogue";
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierValidation validation;
    private final CanonicalJson json;
    private final IntakeWriter writer;
    private final GroupCommit commits;
    private final String dvcqgQueue;
    private final DossierDestinations router;
    private final AccessRights rights;
    private final ProcedureCatalogue catalogue;

    public DossierIntake(DossierValidation validation, CanonicalJson json, IntakeWriter writer, GroupCommit commits,
                         HubProperties properties, DossierDestinations router, AccessRights rights,
                         ProcedureCatalogue catalogue) {
        this.validation = validation;
        this.json = json;
        this.writer = writer;
        this.commits = commits;
        this.dvcqgQueue = properties.queues().dvcqgSync();
        this.router = router;
        this.rights = rights;
        this.catalogue = catalogue;
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
        IntakeSubmission submission = prepare(submitted, source, caller, idempotencyKey);
        try {
            // The duplicate check and the writes share a transaction with other requests' (one commit for many).
            return commits.run(writer, submission);
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // Another request stored the same submission between our check and our insert.
            return writer.earlierSubmission(submission)
                    .orElseThrow(() -> new HubException(ErrorCode.DOSSIER_CODE_CONFLICT,
                            "Dossier code " + submitted.dossierCode() + " already belongs to another submission"));
        }
    }

    /** The submission as it will be stored if it is new: all but its code's sequence number, without the database. */
    private IntakeSubmission prepare(Dossier submitted, String source, ConnectedSystem caller, String idempotencyKey) {
        String requestHash = json.hash(submitted);
        // Every dossier has a destination (at least where it was received).
        DossierDestinations.Destination destination = router.destination(submitted, caller);
        OffsetDateTime now = DossierTrail.now();
        OffsetDateTime receivedAt = submitted.receivedAt() == null ? now : submitted.receivedAt();
        int status = submitted.status() == null ? DossierStatus.SUBMITTED.code() : submitted.status();
        // Completed from the procedure catalogue (name, field of activity, due date, fee kinds); never refused by it.
        ProcedureCatalogue.Completion completion = catalogue.complete(submitted.acceptedAs(submitted.dossierCode(),
                source, receivedAt, status));
        Dossier accepted = completion.dossier();
        List<IntakeSubmission.Entry> trail = new ArrayList<>();
        trail.add(new IntakeSubmission.Entry(TrailKind.RECEIVED, caller.id(), "procedure " + accepted.procedureCode()
                + ", agency " + accepted.agencyCode() + ", channel " + accepted.channel()));
        completion.warnings().forEach(warning -> trail.add(new IntakeSubmission.Entry(TrailKind.CATALOGUE_WARNING,
                CATALOGUE, warning)));
        if (destination.sectorSystem() != null) {
            trail.add(new IntakeSubmission.Entry(TrailKind.ROUTED, destination.sectorSystem(),
                    "routed by procedure and agency"));
        } else if (destination.processedBy().equals(source)) {
            trail.add(new IntakeSubmission.Entry(TrailKind.ROUTED, destination.processedBy(), "processed where it "
                    + "was received: no sector rule for procedure " + accepted.procedureCode() + " at agency "
                    + accepted.agencyCode()));
        }
        return new IntakeSubmission(caller.id(), idempotencyKey, requestHash, source, submitted.sourceRef(),
                submitted.dossierCode(), codePrefix(submitted, receivedAt), now, CodedPayload.of(json, accepted),
                trail, destination.queues(), List.of(dvcqgQueue)); // the sync reads the current snapshot itself
    }

    /** {agency code}-{yymmdd}-, followed by the sequence number shared by all hub nodes: the shape of MaHoSo. */
    private static String codePrefix(Dossier dossier, OffsetDateTime receivedAt) {
        return dossier.agencyCode() + "-" + receivedAt.atZoneSameInstant(DossierTrail.ZONE).format(CODE_DATE) + "-";
    }
}
