package vn.lgsp.hub.postal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierStatus;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.canonical.FeeCollection;
import vn.lgsp.hub.canonical.ResultDelivery;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StatusChangeFollower;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.payments.PaymentState;
import vn.lgsp.hub.payments.PaymentStore;
import vn.lgsp.hub.payments.Payments;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Orders at the public postal operator and the states it reports back. A dossier whose applicant asked for the
 * result by post ({@code resultDelivery: POST}) gets a DELIVERY order when it becomes PROCESSED: stored and queued
 * in the transaction of that status change, once per dossier and kind. Each state the operator reports is applied
 * once (table postal_order_state): trail, a notice to the one-stop system, and for a delivered result the status
 * RESULT_RETURNED (DVCQG) and the fees collected on delivery, settled as paid through {@link Payments}.
 */
@Service
public class PostalOrders implements StatusChangeFollower {

    public static final String SYSTEM = "postal";
    public static final String POSTAL_STATE = "POSTAL_STATE";
    private static final Logger log = LoggerFactory.getLogger(PostalOrders.class);

    private final JdbcClient jdbc;
    private final DossierStore dossiers;
    private final CanonicalJson json;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final PaymentStore paymentStore;
    private final Payments payments;
    private final DossierStatusUpdates statuses;
    private final PostalProperties properties;
    private final String dvcqgQueue;

    public PostalOrders(JdbcClient jdbc, DossierStore dossiers, CanonicalJson json, DossierTrail trail, Outbox outbox,
                        TransactionTemplate tx, PaymentStore paymentStore, Payments payments,
                        @org.springframework.context.annotation.Lazy DossierStatusUpdates statuses,
                        PostalProperties properties, HubProperties hub) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.json = json;
        this.trail = trail;
        this.outbox = outbox;
        this.tx = tx;
        this.paymentStore = paymentStore;
        this.payments = payments;
        this.statuses = statuses;
        this.properties = properties;
        this.dvcqgQueue = hub.queues().dvcqgSync();
    }

    /** A state the operator reports for one of the hub's orders. */
    public record Report(String reference, PostalState state, OffsetDateTime at, String operatorRef,
                         Long codCollected, String note) {
    }

    /** What became of a report: applied, or a repeat of a state already recorded. */
    public record Outcome(String reference, String dossierCode, String state, boolean duplicate) {
    }

    /** An order as stored. */
    public record Order(String reference, String dossierCode, PostalOrderKind kind, PostalState state,
                        long codAmount, String codFees, String operatorRef) {
    }

    @Override
    public void follow(String dossierCode, StatusChange change, boolean current) {
        if (!current || change.status() != DossierStatus.PROCESSED.code()) {
            return;
        }
        Dossier dossier = json.parse(dossiers.find(dossierCode).orElseThrow().payload(), Dossier.class);
        if (dossier.resultDelivery() == ResultDelivery.POST) {
            order(dossier, PostalOrderKind.DELIVERY);
        }
    }

    /**
     * Orders the collection of the dossier at the applicant's (the applicant asked to submit the paper dossier by
     * post); once per dossier: a repeated request finds the order. Answers the order.
     */
    public Order requestCollection(String dossierCode) {
        return tx.execute(s -> {
            StoredDossier stored = dossiers.lock(dossierCode).orElseThrow(() -> new HubException(
                    ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
            order(json.parse(stored.payload(), Dossier.class), PostalOrderKind.COLLECTION);
            return find(PostalOrderKind.COLLECTION.reference(dossierCode)).orElseThrow();
        });
    }

    /**
     * Stores and queues an order inside the caller's transaction; nothing when the dossier has one of this kind.
     * Cash on delivery (result deliveries only): the dossier's fees collected by post ({@code collection: POST}) not
     * yet paid.
     */
    void order(Dossier dossier, PostalOrderKind kind) {
        String reference = kind.reference(dossier.dossierCode());
        if (find(reference).isPresent()) {
            return;
        }
        Set<String> paid = paidFees(dossier.dossierCode());
        // Fees are collected on delivery of the result, never when the dossier is picked up.
        List<Fee> cod = kind == PostalOrderKind.COLLECTION ? List.of() : dossier.fees().stream()
                .filter(f -> f.collection() == FeeCollection.POST)
                .filter(f -> f.code() == null || !paid.contains(f.code())).toList();
        long codAmount = cod.stream().mapToLong(Fee::amount).sum();
        String codFees = String.join(",", cod.stream().map(f -> f.code() == null ? "" : f.code()).toList());
        OffsetDateTime now = DossierTrail.now();
        jdbc.sql("INSERT INTO postal_order (order_ref, dossier_code, kind, state, cod_amount, cod_fees, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(reference, dossier.dossierCode(), kind.name(), PostalState.REQUESTED.name(), codAmount,
                        codFees, now, now)
                .update();
        trail.record(dossier.dossierCode(), TrailKind.POSTAL_ORDER_REQUESTED, SYSTEM, kind + " order " + reference
                + (codAmount > 0 ? ", cash on delivery " + codAmount + " VND" : ""));
        outbox.enqueue(properties.orderQueue(), dossier.dossierCode(), kind.eventType(),
                json.write(orderBody(dossier, kind, reference, codAmount)));
    }

    /** The order as the operator's API takes it (docs/contracts.md "Public postal service"). */
    private Map<String, Object> orderBody(Dossier dossier, PostalOrderKind kind, String reference, long codAmount) {
        Applicant applicant = dossier.applicant();
        Map<String, Object> applicantParty = new LinkedHashMap<>();
        applicantParty.put("name", applicant == null ? null : applicant.fullName());
        applicantParty.put("address", applicant == null ? null : applicant.address());
        applicantParty.put("phone", applicant == null ? null : applicant.phone());
        Map<String, Object> desk = new LinkedHashMap<>();
        desk.put("name", properties.sender().name());
        desk.put("address", properties.sender().address());
        desk.put("phone", properties.sender().phone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("dossierCode", dossier.dossierCode());
        body.put("service", kind == PostalOrderKind.DELIVERY ? "RESULT_DELIVERY" : "DOSSIER_COLLECTION");
        body.put("sender", kind == PostalOrderKind.DELIVERY ? desk : applicantParty);
        body.put("receiver", kind == PostalOrderKind.DELIVERY ? applicantParty : desk);
        body.put("codAmount", codAmount);
        body.put("content", dossier.procedureName() == null ? dossier.procedureCode() : dossier.procedureName());
        return body;
    }

    /**
     * Applies a state the operator reported, once: a repeat (the same order and state again) changes nothing. The
     * dossier is locked first, as every status change locks it, so reports and status changes queue in one order.
     */
    public Outcome report(ConnectedSystem reporter, Report report) {
        Order order = find(report.reference()).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                "No postal order with this reference"));
        return tx.execute(s -> {
            dossiers.lock(order.dossierCode());
            boolean repeat = jdbc.sql("SELECT COUNT(*) FROM postal_order_state WHERE order_ref = ? AND state = ?")
                    .params(order.reference(), report.state().name()).query(Long.class).single() > 0;
            if (repeat) {
                return new Outcome(order.reference(), order.dossierCode(), report.state().name(), true);
            }
            apply(reporter, order, report);
            return new Outcome(order.reference(), order.dossierCode(), report.state().name(), false);
        });
    }

    private void apply(ConnectedSystem reporter, Order order, Report report) {
        OffsetDateTime now = DossierTrail.now();
        OffsetDateTime at = report.at() == null ? now : report.at();
        jdbc.sql("INSERT INTO postal_order_state (order_ref, state, reported_at, received_at) VALUES (?, ?, ?, ?)")
                .params(order.reference(), report.state().name(), at, now).update();
        jdbc.sql("UPDATE postal_order SET state = ?, operator_ref = COALESCE(?, operator_ref), updated_at = ? "
                        + "WHERE order_ref = ?")
                .params(report.state().name(), report.operatorRef(), now, order.reference()).update();
        String code = order.dossierCode();
        trail.record(code, TrailKind.POSTAL_STATE, SYSTEM, order.kind() + " " + report.state() + " at " + at
                + (report.operatorRef() == null ? "" : " (" + report.operatorRef() + ")"));
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("dossierCode", code);
        notice.put("reference", order.reference());
        notice.put("kind", order.kind().name());
        notice.put("state", report.state().name());
        notice.put("at", at.toString());
        notice.put("operatorRef", report.operatorRef());
        notice.put("note", report.note());
        outbox.enqueue(properties.onestopQueue(), code, POSTAL_STATE, json.write(notice));
        if (order.kind() == PostalOrderKind.COLLECTION && report.state() == PostalState.COLLECTED) {
            submittedByPost(code);
        }
        if (order.kind() == PostalOrderKind.DELIVERY && report.state() == PostalState.DELIVERED) {
            settleCashOnDelivery(order, report);
            statuses.recordWithin(code, new StatusChange(DossierStatus.RESULT_RETURNED.code(), at,
                    "Kết quả đã phát cho người nhận qua bưu chính công ích", reporter.name(), null, null, null),
                    reporter);
        }
        log.info("Postal order {} {}", order.reference(), report.state());
    }

    /**
     * A dossier the operator collected was submitted by post: the new version carries KenhThucHien 3 to DVCQG (same
     * status; the dossier is already locked by the report).
     */
    private void submittedByPost(String code) {
        StoredDossier stored = dossiers.find(code).orElseThrow();
        Dossier byPost = json.parse(stored.payload(), Dossier.class).copy(c -> c.channel = Channel.POST);
        dossiers.updateStatus(code, stored.status(), stored.statusAt(), byPost, json.write(byPost));
        outbox.enqueue(dvcqgQueue, code, POSTAL_STATE, code);
    }

    /** The fees the operator collected with the result, settled as paid once (the transaction id is the order's). */
    private void settleCashOnDelivery(Order order, Report report) {
        if (order.codAmount() <= 0) {
            return;
        }
        if (report.codCollected() == null || report.codCollected() != order.codAmount()) {
            // Another amount than ordered: not settled automatically; the trail tells the desk to look.
            trail.record(order.dossierCode(), TrailKind.POSTAL_STATE, SYSTEM, "cash on delivery reported "
                    + report.codCollected() + " VND, ordered " + order.codAmount() + " VND: not settled");
            return;
        }
        payments.recordCollectedOnDelivery(order.dossierCode(), codTransactionId(order.reference()),
                order.codAmount(), List.of(order.codFees().split(",")), SYSTEM, report.operatorRef());
    }

    /** A payment transaction id for the cash collected with an order: stable, within the column's 64 characters. */
    static String codTransactionId(String reference) {
        try {
            return "COD" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(reference.getBytes(StandardCharsets.UTF_8))).substring(0, 40).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    public Optional<Order> find(String reference) {
        return jdbc.sql("SELECT order_ref, dossier_code, kind, state, cod_amount, cod_fees, operator_ref "
                        + "FROM postal_order WHERE order_ref = ?")
                .param(reference)
                .query((rs, n) -> new Order(rs.getString("order_ref"), rs.getString("dossier_code"),
                        PostalOrderKind.valueOf(rs.getString("kind")), PostalState.valueOf(rs.getString("state")),
                        rs.getLong("cod_amount"), rs.getString("cod_fees"), rs.getString("operator_ref")))
                .optional();
    }

    private Set<String> paidFees(String dossierCode) {
        return paymentStore.ofDossier(dossierCode).stream().filter(t -> t.state() == PaymentState.PAID)
                .flatMap(t -> Set.of(t.feeCodes().split(",")).stream())
                .collect(java.util.stream.Collectors.toSet());
    }

}
