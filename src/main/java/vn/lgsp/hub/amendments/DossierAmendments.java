package vn.lgsp.hub.amendments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierAmendment;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.DossierValidation;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.Ids;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Records amendments of dossiers after intake. Each is one transaction under the dossier's lock: the amendment,
 * its status change when it moves the status (through {@link DossierStatusUpdates}, so it is ordered by its time
 * like every status change), a new version of the dossier (the DVCQG sync pushes it with isUpdating), and one
 * delivery per system that holds the dossier, never to the system that reported it. The same amendment reported
 * again (same kind, supplement and moment) answers the first outcome and changes nothing; a correction arriving
 * after a newer one changes only the fields the newer one did not.
 */
@Service
public class DossierAmendments {

    public static final String DOSSIER_AMENDED = "DOSSIER_AMENDED";
    /** TrangThaiHoSo 7: withdrawn (or cancelled) by the applicant. */
    private static final int WITHDRAWN = AmendmentKind.WITHDRAWAL.status().orElseThrow();
    /** Fields a correction may change, as paths in the canonical dossier. */
    public static final Set<String> CORRECTABLE = Set.of("summary", "procedureName", "applicant.fullName",
            "applicant.address", "applicant.phone", "applicant.email");

    private final AmendmentStore amendments;
    private final DossierStore dossiers;
    private final DossierStatusUpdates statuses;
    private final DossierValidation validation;
    private final CanonicalJson json;
    private final ObjectMapper mapper;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final String dvcqgQueue;
    private final String queuePrefix;
    private final Set<String> receivers;

    public DossierAmendments(AmendmentStore amendments, DossierStore dossiers, DossierStatusUpdates statuses,
                             DossierValidation validation, CanonicalJson json, ObjectMapper mapper, DossierTrail trail,
                             Outbox outbox, TransactionTemplate tx, HubProperties properties,
                             AmendmentProperties routing) {
        this.amendments = amendments;
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.validation = validation;
        this.json = json;
        this.mapper = mapper;
        this.trail = trail;
        this.outbox = outbox;
        this.tx = tx;
        this.dvcqgQueue = properties.queues().dvcqgSync();
        this.queuePrefix = routing.queuePrefix();
        this.receivers = routing.receivers();
    }

    /** The outcome: the amendment as recorded (the first one, for a duplicate) and the dossier after it. */
    public record Outcome(String dossierCode, String amendmentId, AmendmentKind kind, Integer supplementNo,
                          int currentStatus, boolean duplicate) {
    }

    /**
     * Records an amendment reported by {@code reporter}; {@code supplementNo} names the supplement a receipt
     * answers (null for the other kinds: a supplement request gets the next number).
     */
    public Outcome amend(String dossierCode, AmendmentKind kind, Integer supplementNo, AmendmentRequest request,
                         ConnectedSystem reporter) {
        validation.check(request);
        checkFields(kind, supplementNo, request);
        try {
            return tx.execute(s -> apply(dossierCode, kind, supplementNo, request, reporter));
        } catch (DuplicateKeyException sameAmendmentAgain) {
            // Two copies raced past the check on two nodes; the other one won.
            DossierAmendment first = recorded(dossierCode, kind, supplementNo, request.at()).orElseThrow();
            return outcome(first, dossiers.find(dossierCode).orElseThrow().status(), true);
        }
    }

    /** The dossier's amendments in the order they happened; 404 for an unknown dossier. */
    public List<DossierAmendment> of(String dossierCode) {
        dossiers.find(dossierCode).orElseThrow(() -> new HubException(ErrorCode.DOSSIER_NOT_FOUND,
                "No dossier with this code"));
        return amendments.list(dossierCode);
    }

    /** Where amendments of this dossier go: the systems that hold it (its source, and whoever it went to). */
    public Set<String> holders(StoredDossier dossier) {
        Set<String> holders = new LinkedHashSet<>();
        holders.add(dossier.sourceSystem());
        holders.add(trail.routedTo(dossier.dossierCode()).orElse(AccessRights.ONESTOP));
        return holders;
    }

    private Outcome apply(String dossierCode, AmendmentKind kind, Integer supplementNo, AmendmentRequest request,
                          ConnectedSystem reporter) {
        StoredDossier dossier = dossiers.lock(dossierCode).orElseThrow(() -> new HubException(
                ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
        Optional<DossierAmendment> earlier = recorded(dossierCode, kind, supplementNo, request.at());
        if (earlier.isPresent()) {
            return outcome(earlier.get(), dossier.status(), true);
        }
        if (dossier.status() == WITHDRAWN && request.at().isAfter(dossier.statusAt())) {
            // Withdrawn or cancelled by the applicant: nothing happens to the dossier after that moment.
            throw new HubException(ErrorCode.AMENDMENT_CONFLICT, "The dossier was withdrawn or cancelled at "
                    + dossier.statusAt() + "; nothing can happen to it after that");
        }
        Integer number = switch (kind) {
            case SUPPLEMENT_REQUESTED -> amendments.nextSupplementNo(dossierCode);
            case SUPPLEMENT_RECEIVED -> checkedReceipt(dossierCode, supplementNo);
            default -> null;
        };
        Map<String, String> changes = kind == AmendmentKind.CORRECTION
                ? stillNewest(dossierCode, request.at(), request.changes()) : Map.of();
        OffsetDateTime previousDueAt = kind == AmendmentKind.SUPPLEMENT_REQUESTED
                ? json.parse(dossier.payload(), Dossier.class).dueAt() : null;
        DossierAmendment amendment = new DossierAmendment(Ids.random(), dossierCode, kind, request.at(),
                request.officer(), request.note(), number, request.dueAt(), previousDueAt, request.documents(),
                kind == AmendmentKind.CORRECTION ? request.changes() : null, reporter.id(), kind.status().orElse(null));
        amendments.insert(amendment, DossierTrail.now());
        kind.status().ifPresent(status -> statuses.recordWithin(dossierCode, new StatusChange(status, request.at(),
                request.note(), request.officer()), reporter));
        // A new version in every case: the supplement list, a correction or the status changed what DVCQG holds.
        StoredDossier current = dossiers.find(dossierCode).orElseThrow();
        Dossier updated = corrected(current, changes, kind == AmendmentKind.SUPPLEMENT_REQUESTED ? request.dueAt() : null);
        dossiers.updateStatus(dossierCode, current.status(), current.statusAt(), updated, json.write(updated));
        if (kind.status().isEmpty()) {
            outbox.enqueue(dvcqgQueue, dossierCode, DOSSIER_AMENDED, dossierCode);
        }
        List<String> delivered = new ArrayList<>();
        List<String> notDelivered = new ArrayList<>();
        for (String holder : holders(dossier)) {
            if (holder.equals(reporter.id())) {
                continue;
            }
            if (receivers.contains(holder)) {
                outbox.enqueue(queuePrefix + holder, dossierCode, DOSSIER_AMENDED, json.write(amendment));
                delivered.add(holder);
            } else {
                notDelivered.add(holder);
            }
        }
        trail.record(dossierCode, TrailKind.AMENDED, reporter.id(), describe(amendment)
                + (delivered.isEmpty() ? "" : "; queued for " + String.join(", ", delivered))
                + (notDelivered.isEmpty() ? "" : "; " + String.join(", ", notDelivered) + " takes no amendments"));
        return outcome(amendment, current.status(), false);
    }

    private Optional<DossierAmendment> recorded(String dossierCode, AmendmentKind kind, Integer supplementNo,
                                                OffsetDateTime at) {
        // A supplement request's number is the hub's: its identity is its kind and moment alone.
        return amendments.at(dossierCode, kind, at).stream()
                .filter(a -> kind != AmendmentKind.SUPPLEMENT_RECEIVED || a.supplementNo().equals(supplementNo))
                .findFirst();
    }

    private int checkedReceipt(String dossierCode, Integer supplementNo) {
        List<DossierAmendment> all = amendments.list(dossierCode);
        boolean requested = all.stream().anyMatch(a -> a.kind() == AmendmentKind.SUPPLEMENT_REQUESTED
                && a.supplementNo().equals(supplementNo));
        if (!requested) {
            throw new HubException(ErrorCode.SUPPLEMENT_NOT_FOUND, "The dossier has no supplement request "
                    + supplementNo);
        }
        all.stream().filter(a -> a.kind() == AmendmentKind.SUPPLEMENT_RECEIVED && a.supplementNo().equals(supplementNo))
                .findFirst().ifPresent(a -> {
                    throw new HubException(ErrorCode.AMENDMENT_CONFLICT, "Supplement " + supplementNo
                            + " was already received at " + a.at());
                });
        return supplementNo;
    }

    /** The changes of a correction that no correction of a later moment has overwritten. */
    private Map<String, String> stillNewest(String dossierCode, OffsetDateTime at, Map<String, String> changes) {
        Set<String> newer = new LinkedHashSet<>();
        amendments.after(dossierCode, AmendmentKind.CORRECTION, at).forEach(a -> newer.addAll(a.changes().keySet()));
        Map<String, String> apply = new LinkedHashMap<>(changes);
        apply.keySet().removeAll(newer);
        return apply;
    }

    /** The stored dossier with corrected fields and a new due date, validated as at intake. */
    private Dossier corrected(StoredDossier current, Map<String, String> changes, OffsetDateTime dueAt) {
        if (changes.isEmpty() && dueAt == null) {
            return json.parse(current.payload(), Dossier.class);
        }
        ObjectNode tree = (ObjectNode) readTree(current.payload());
        changes.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.withObjectProperty(parts[i]);
            }
            parent.put(parts[parts.length - 1], value);
        });
        if (dueAt != null) {
            tree.put("dueAt", dueAt.toString());
        }
        return validation.check(json.parse(tree.toString(), Dossier.class));
    }

    private static void checkFields(AmendmentKind kind, Integer supplementNo, AmendmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == AmendmentKind.SUPPLEMENT_RECEIVED && supplementNo == null) {
            errors.add(new FieldError("supplementNo", "a supplement's receipt names the supplement it answers"));
        }
        boolean supplement = kind == AmendmentKind.SUPPLEMENT_REQUESTED || kind == AmendmentKind.SUPPLEMENT_RECEIVED;
        if (kind == AmendmentKind.CORRECTION) {
            if (request.changes() == null || request.changes().isEmpty()) {
                errors.add(new FieldError("changes", "a correction must change at least one field"));
            } else {
                request.changes().keySet().stream().filter(f -> !CORRECTABLE.contains(f)).sorted().forEach(f ->
                        errors.add(new FieldError("changes." + f, "is not a field a correction may change; one of "
                                + CORRECTABLE.stream().sorted().toList())));
            }
        } else if (request.changes() != null) {
            errors.add(new FieldError("changes", "only a correction changes fields"));
        }
        if (!supplement && request.documents() != null) {
            errors.add(new FieldError("documents", "only a supplement carries documents"));
        }
        if (kind != AmendmentKind.SUPPLEMENT_REQUESTED && request.dueAt() != null) {
            errors.add(new FieldError("dueAt", "only a supplement request sets a new due date"));
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, errors.size() + " field(s) of the request are invalid",
                    errors);
        }
    }

    private static String describe(DossierAmendment a) {
        String what = switch (a.kind()) {
            case SUPPLEMENT_REQUESTED -> "supplement " + a.supplementNo() + " requested";
            case SUPPLEMENT_RECEIVED -> "supplement " + a.supplementNo() + " received";
            case CORRECTION -> "correction of " + String.join(", ", a.changes().keySet());
            case WITHDRAWAL -> "withdrawn by the applicant";
            case CANCELLATION -> "cancelled by the applicant";
        };
        return what + " at " + a.at();
    }

    private static Outcome outcome(DossierAmendment a, int currentStatus, boolean duplicate) {
        return new Outcome(a.dossierCode(), a.amendmentId(), a.kind(), a.supplementNo(), currentStatus, duplicate);
    }

    private JsonNode readTree(String text) {
        try {
            return mapper.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored dossier is not JSON", e);
        }
    }
}
