package vn.lgsp.hub.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.adapters.payment.CallbackReply;
import vn.lgsp.hub.adapters.payment.PaymentGateway;
import vn.lgsp.hub.adapters.payment.PaymentGatewayException;
import vn.lgsp.hub.adapters.payment.PaymentOrder;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.Ids;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Online fee payments of dossiers. A request stores a PENDING transaction (committed before the gateway is called,
 * so no payment can exist at a gateway that the hub does not know), then answers the gateway's payment URL.
 * A transaction is settled once: the conditional update PENDING → PAID/FAILED and every effect of a payment (the
 * dossier's DuocThanhToanTrucTuyen, its trail, the DVCQG sync event and the notice to the one-stop system, both
 * through the outbox) commit in ONE database transaction. A duplicate, late or concurrent callback, or the
 * reconciliation racing a callback, finds nothing PENDING and has no effect; a crash before the commit leaves the
 * transaction PENDING for the gateway's next notification or the reconciliation; after the commit the outbox
 * delivers the effects.
 */
@Service
public class Payments {

    public static final String PAYMENT_CONFIRMED = "PAYMENT_CONFIRMED";
    /** Callback outcome recorded when a gateway reports paid a transaction already settled as failed. */
    public static final String PAID_AFTER_FAILED = "PAID_AFTER_FAILED";
    /** settled_by of a fee the postal operator collected in cash on delivery (not an online payment). */
    public static final String CASH_ON_DELIVERY = "cod";
    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentStore store;
    private final DossierStore dossiers;
    private final CanonicalJson json;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final vn.lgsp.hub.dossier.DossierValidation validation;
    private final Map<String, PaymentGateway> gateways;
    private final String dvcqgQueue;
    private final String onestopQueue;
    private final List<SettlementFollower> followers;

    public Payments(PaymentStore store, DossierStore dossiers, CanonicalJson json, DossierTrail trail, Outbox outbox,
                    TransactionTemplate tx, ObjectMapper mapper, vn.lgsp.hub.dossier.DossierValidation validation,
                    List<PaymentGateway> gateways,
                    HubProperties hub, PaymentProperties properties, List<SettlementFollower> followers) {
        this.store = store;
        this.dossiers = dossiers;
        this.json = json;
        this.trail = trail;
        this.outbox = outbox;
        this.tx = tx;
        this.mapper = mapper;
        this.validation = validation;
        this.gateways = gateways.stream().collect(Collectors.toMap(PaymentGateway::id, Function.identity()));
        this.dvcqgQueue = hub.queues().dvcqgSync();
        this.onestopQueue = properties.onestopQueue();
        this.followers = followers;
    }

    public PaymentGateway gateway(String id) {
        PaymentGateway gateway = gateways.get(id);
        if (gateway == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such payment gateway");
        }
        return gateway;
    }

    /**
     * Stores a PENDING transaction for the fees, then starts it at the gateway and answers the payment URL. A retried
     * request — the same Idempotency-Key of the same caller, or the same dossier, gateway and fees while a transaction
     * of them is pending — answers that transaction instead ({@link Started#created()} false), on any node: the
     * database's unique constraints, not this JVM, decide which of two concurrent requests creates it.
     */
    public Started request(String dossierCode, PaymentRequest request, String clientId, String idempotencyKey) {
        validation.check(request);
        PaymentGateway gateway = gateway(request.gateway());
        String requestHash = json.hash(new KeyedRequest(dossierCode, request));
        if (idempotencyKey != null) {
            Optional<PaymentStore.Keyed> earlier = store.findByIdempotencyKey(clientId, idempotencyKey);
            if (earlier.isPresent()) {
                return original(earlier.get(), requestHash);
            }
        }
        StoredDossier stored = dossiers.find(dossierCode).orElseThrow(() -> new HubException(
                ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
        Dossier dossier = json.parse(stored.payload(), Dossier.class);
        List<Fee> fees = checkedFees(dossier, request);
        long amount = fees.stream().mapToLong(Fee::amount).reduce(0L, Math::addExact);
        if (request.amount() != null && request.amount() != amount) {
            throw new HubException(ErrorCode.PAYMENT_FEES_INVALID, "The amount is not the sum of the fees",
                    List.of(new FieldError("amount", "must be " + amount + ", the sum of the fees")));
        }
        if (amount <= 0) {
            throw new HubException(ErrorCode.PAYMENT_FEES_INVALID, "There is nothing to pay");
        }
        String pendingKey = pendingKey(dossierCode, gateway.id(), fees);
        Optional<PaymentStore.Keyed> pending = store.findPending(pendingKey);
        if (pending.isPresent()) {
            return resumed(pending.get());
        }
        Set<String> codes = fees.stream().map(Fee::code).collect(Collectors.toSet());
        boolean alreadyPaid = store.ofDossier(dossierCode).stream()
                .filter(t -> t.state() == PaymentState.PAID)
                .anyMatch(t -> Set.of(t.feeCodes().split(",")).stream().anyMatch(codes::contains));
        if (alreadyPaid) {
            throw new HubException(ErrorCode.PAYMENT_ALREADY_PAID, "A fee of this request is already paid");
        }
        OffsetDateTime now = DossierTrail.now();
        PaymentTransaction created = new PaymentTransaction(newTransactionId(), dossierCode, gateway.id(), amount,
                String.join(",", fees.stream().map(Fee::code).toList()), request.payer(), request.returnUrl(),
                PaymentState.PENDING, null, null, now, null);
        try {
            tx.executeWithoutResult(s -> {
                store.insertPending(created, clientId, idempotencyKey, requestHash, pendingKey);
                trail.record(dossierCode, TrailKind.PAYMENT_REQUESTED, gateway.id(), "transaction "
                        + created.transactionId() + ", " + amount + " VND");
            });
        } catch (DataIntegrityViolationException concurrent) {
            // Another request (on this node or another) stored the same key or the same pending fees first.
            Optional<PaymentStore.Keyed> winner = idempotencyKey == null ? Optional.empty()
                    : store.findByIdempotencyKey(clientId, idempotencyKey);
            if (winner.isPresent()) {
                return original(winner.get(), requestHash);
            }
            return resumed(store.findPending(pendingKey).orElseThrow(() -> concurrent));
        }
        String url = start(gateway, created, order(created, dossier, fees));
        log.info("Payment {} of {} started at {} for {} VND", created.transactionId(), dossierCode, gateway.id(),
                amount);
        return new Started(started(created, url), true);
    }

    /** The outcome of a payment request: the transaction to pay, and whether this request created it. */
    public record Started(PaymentStarted answer, boolean created) {
    }

    /** What an Idempotency-Key's hash covers: the dossier and the whole request. */
    private record KeyedRequest(String dossierCode, PaymentRequest request) {
    }

    private Started original(PaymentStore.Keyed earlier, String requestHash) {
        if (!requestHash.equals(earlier.requestHash())) {
            throw new HubException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used with a different payment request");
        }
        return resumed(earlier);
    }

    /**
     * Answers a transaction stored by an earlier request. One still PENDING without a payment URL (its request's
     * gateway call failed, or is under way) is started again under the same transaction id: the gateway sees the
     * same order, never a second one.
     */
    private Started resumed(PaymentStore.Keyed earlier) {
        PaymentTransaction t = earlier.transaction();
        String url = earlier.paymentUrl();
        if (url == null && t.state() == PaymentState.PENDING) {
            url = start(gateway(t.gateway()), t, order(t));
        }
        return new Started(started(t, url), false);
    }

    private String start(PaymentGateway gateway, PaymentTransaction t, PaymentOrder order) {
        String url;
        try {
            url = gateway.start(order);
        } catch (PaymentGatewayException e) {
            // Left PENDING: the gateway may have registered it before failing; a retry or the reconciliation settles it.
            log.warn("Payment {} of {} not started: {}", t.transactionId(), t.dossierCode(), e.getMessage());
            throw new HubException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE, "The payment gateway did not answer; "
                    + "try again later", e);
        }
        store.recordPaymentUrl(t.transactionId(), url);
        return url;
    }

    private static PaymentStarted started(PaymentTransaction t, String url) {
        return new PaymentStarted(t.transactionId(), t.dossierCode(), t.gateway(), t.amount(), t.state().name(), url);
    }

    /** SHA-256 of the dossier, the gateway and the sorted fee codes: one PENDING transaction of them at a time. */
    static String pendingKey(String dossierCode, String gateway, List<Fee> fees) {
        String key = dossierCode + "\n" + gateway + "\n" + String.join(",", fees.stream().map(Fee::code).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A verified notification from a gateway, or what a reconciliation query found: applied at most once. */
    public CallbackReply settle(PaymentGateway gateway, String transactionId, boolean paid, Long amount,
                                String gatewayRef, String via) {
        try {
            return tx.execute(s -> apply(gateway, transactionId, paid, amount, gatewayRef, via));
        } catch (RuntimeException e) {
            // Nothing of the settlement was committed; the gateway sends again or the reconciliation finds it.
            log.warn("Payment {} not settled now ({}): {}", transactionId, via, e.toString());
            try {
                tx.executeWithoutResult(s -> store.recordCallback(gateway.id(), safeId(transactionId),
                        CallbackReply.ERROR.name(), amount, DossierTrail.now()));
            } catch (RuntimeException alsoFailing) {
                log.debug("Callback outcome not recorded either", alsoFailing);
            }
            return CallbackReply.ERROR;
        }
    }

    /** Records a notification whose signature failed; nothing else happens. */
    public CallbackReply refuseSignature(PaymentGateway gateway, String transactionId) {
        log.warn("Payment notification from {} with an invalid signature refused", gateway.id());
        tx.executeWithoutResult(s -> store.recordCallback(gateway.id(), safeId(transactionId),
                CallbackReply.INVALID_SIGNATURE.name(), null, DossierTrail.now()));
        return CallbackReply.INVALID_SIGNATURE;
    }

    private CallbackReply apply(PaymentGateway gateway, String transactionId, boolean paid, Long amount,
                                String gatewayRef, String via) {
        OffsetDateTime now = DossierTrail.now();
        PaymentTransaction t = transactionId == null ? null : store.find(transactionId)
                .filter(found -> found.gateway().equals(gateway.id())).orElse(null);
        CallbackReply reply;
        if (t == null) {
            reply = CallbackReply.ORDER_NOT_FOUND;
        } else if (amount == null || amount != t.amount()) {
            reply = CallbackReply.INVALID_AMOUNT;
            log.warn("Payment {}: {} reports another amount than the transaction's; not settled", transactionId, via);
        } else if (!store.settle(transactionId, paid ? PaymentState.PAID : PaymentState.FAILED, gatewayRef, via, now)) {
            reply = CallbackReply.ALREADY_CONFIRMED;
            if (paid && store.find(transactionId).map(PaymentTransaction::state).orElse(null) == PaymentState.FAILED) {
                // Money taken for a transaction the hub settled as failed (e.g. expired): for people, in the report.
                log.warn("Payment {}: {} reports it paid, but it was settled as failed; listed as mismatched",
                        transactionId, via);
                store.recordCallback(gateway.id(), transactionId, PAID_AFTER_FAILED, amount, now);
            }
        } else {
            if (paid) {
                applyPayment(gateway, t, gatewayRef, via, now);
            } else {
                trail.record(t.dossierCode(), TrailKind.PAYMENT_FAILED, gateway.id(), "transaction " + transactionId
                        + " not paid (" + via + ")");
            }
            reply = CallbackReply.CONFIRMED;
        }
        store.recordCallback(gateway.id(), t == null ? safeId(transactionId) : transactionId, reply.name(), amount, now);
        if (reply == CallbackReply.CONFIRMED) {
            log.info("Payment {} settled {} by {}", transactionId, paid ? "PAID" : "FAILED", via);
        }
        return reply;
    }

    /**
     * The effects of a payment, inside the settling transaction. Not a status change through
     * DossierStatusUpdates: paying changes no DVCQG TrangThaiHoSo, and an invented one would add a false progress
     * step at the portal. The dossier's new version carries DuocThanhToanTrucTuyen to DVCQG; the notice goes to the
     * one-stop system through the outbox, like every other effect.
     */
    private void applyPayment(PaymentGateway gateway, PaymentTransaction t, String gatewayRef, String via,
                              OffsetDateTime now) {
        StoredDossier stored = dossiers.lock(t.dossierCode()).orElseThrow(() -> new HubException(
                ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
        Dossier paid = json.parse(stored.payload(), Dossier.class).withOnlinePayment(gateway.onlinePaymentCode(),
                List.of(t.feeCodes().split(",")));
        // Same status, new version: the DVCQG sync pushes the dossier again with DuocThanhToanTrucTuyen.
        dossiers.updateStatus(t.dossierCode(), stored.status(), stored.statusAt(), paid, json.write(paid));
        trail.record(t.dossierCode(), TrailKind.PAYMENT_CONFIRMED, gateway.id(), "transaction " + t.transactionId()
                + " paid, " + t.amount() + " VND (" + via + ")");
        outbox.enqueue(dvcqgQueue, t.dossierCode(), PAYMENT_CONFIRMED, t.dossierCode());
        announce(t, gateway.id(), gatewayRef, now, gateway.onlinePaymentCode());
    }

    /**
     * Records fees the postal operator collected in cash on delivery as a PAID transaction under {@code
     * transactionId} (derived from the postal order, so a repeated report finds it), inside the caller's
     * transaction; false when it was recorded before. Not an online payment: the dossier's DuocThanhToanTrucTuyen
     * stays as it was, and indicator 3.6 does not count it.
     */
    public boolean recordCollectedOnDelivery(String dossierCode, String transactionId, long amount,
                                             List<String> feeCodes, String collector, String collectorRef) {
        if (store.find(transactionId).isPresent()) {
            return false;
        }
        OffsetDateTime now = DossierTrail.now();
        PaymentTransaction t = new PaymentTransaction(transactionId, dossierCode, collector, amount,
                String.join(",", feeCodes), null, null, PaymentState.PAID, collectorRef, CASH_ON_DELIVERY, now, now);
        store.insert(t);
        trail.record(dossierCode, TrailKind.PAYMENT_CONFIRMED, collector, "transaction " + transactionId
                + " collected on delivery, " + amount + " VND");
        announce(t, collector, collectorRef, now, null);
        return true;
    }

    /** The one-stop system's payment notice and the followers, for a payment settled as paid. */
    private void announce(PaymentTransaction t, String collector, String ref, OffsetDateTime now, Integer onlinePayment) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("dossierCode", t.dossierCode());
        notice.put("transactionId", t.transactionId());
        notice.put("gateway", collector);
        notice.put("amount", t.amount());
        notice.put("fees", List.of(t.feeCodes().split(",")));
        notice.put("gatewayRef", ref);
        notice.put("paidAt", now.toString());
        notice.put("onlinePayment", onlinePayment);
        outbox.enqueue(onestopQueue, t.dossierCode(), PAYMENT_CONFIRMED, write(notice));
        followers.forEach(f -> f.paid(t, now));
    }

    public PaymentOrder order(PaymentTransaction t, Dossier dossier, List<Fee> fees) {
        return new PaymentOrder(t.transactionId(), t.dossierCode(), dossier.procedureCode(), dossier.agencyCode(),
                t.amount(), fees, t.payer(), t.returnUrl(), t.createdAt());
    }

    /** The order of a stored transaction (for queries), its fees read back from the dossier. */
    public PaymentOrder order(PaymentTransaction t) {
        Dossier dossier = json.parse(dossiers.find(t.dossierCode()).orElseThrow().payload(), Dossier.class);
        Set<String> codes = Set.of(t.feeCodes().split(","));
        return order(t, dossier, dossier.fees().stream().filter(f -> codes.contains(f.code())).toList());
    }

    private static List<Fee> checkedFees(Dossier dossier, PaymentRequest request) {
        Map<String, Fee> byCode = new LinkedHashMap<>();
        dossier.fees().stream().filter(f -> f.code() != null).forEach(f -> byCode.putIfAbsent(f.code(), f));
        List<FieldError> errors = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.fees().size(); i++) {
            PaymentRequest.FeeToPay wanted = request.fees().get(i);
            Fee fee = byCode.get(wanted.code());
            if (fee == null) {
                errors.add(new FieldError("fees[" + i + "].code", "is not a fee of this dossier"));
            } else if (!fee.amount().equals(wanted.amount())) {
                errors.add(new FieldError("fees[" + i + "].amount", "must be " + fee.amount()));
            } else if (!seen.add(fee.code())) {
                errors.add(new FieldError("fees[" + i + "].code", "is listed twice"));
            } else {
                fees.add(fee);
            }
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.PAYMENT_FEES_INVALID, "The fees do not match the dossier's fees", errors);
        }
        return fees;
    }

    private static String newTransactionId() {
        // Unique per attempt, short enough for both gateways' order references.
        return "PAY" + Ids.random().replace("-", "").toUpperCase();
    }

    /** A transaction id from an unverified source, cut to the column's size. */
    private static String safeId(String id) {
        return id == null ? null : id.length() > 64 ? id.substring(0, 64) : id;
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Payment notice is not JSON", e);
        }
    }
}
