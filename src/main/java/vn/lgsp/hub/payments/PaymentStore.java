package vn.lgsp.hub.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.IndicatorFacts;

/** Payment transactions and the callbacks received for them. */
@Repository
public class PaymentStore {

    private static final String COLUMNS = "transaction_id, dossier_code, gateway, amount, fee_codes, payer, "
            + "return_url, state, gateway_ref, settled_by, created_at, settled_at";

    private final JdbcClient jdbc;

    public PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PaymentTransaction t) {
        jdbc.sql("INSERT INTO payment_transaction (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.transactionId(), t.dossierCode(), t.gateway(), t.amount(), t.feeCodes(), t.payer(),
                        t.returnUrl(), t.state().name(), t.gatewayRef(), t.settledBy(), t.createdAt(), t.settledAt())
                .update();
    }

    /**
     * Stores a new PENDING transaction with what makes a retry recognisable: the caller's Idempotency-Key (may be
     * null) and the hash of its request, and the pending key of its dossier, gateway and fees. A concurrent
     * duplicate on any node fails here with a unique-constraint violation.
     */
    public void insertPending(PaymentTransaction t, String clientId, String idempotencyKey, String requestHash,
                              String pendingKey) {
        jdbc.sql("INSERT INTO payment_transaction (" + COLUMNS + ", client_id, idem_key, request_hash, pending_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.transactionId(), t.dossierCode(), t.gateway(), t.amount(), t.feeCodes(), t.payer(),
                        t.returnUrl(), t.state().name(), t.gatewayRef(), t.settledBy(), t.createdAt(), t.settledAt(),
                        clientId, idempotencyKey, requestHash, pendingKey)
                .update();
    }

    /** The transaction a caller first started with this Idempotency-Key, with that request's hash. */
    public Optional<Keyed> findByIdempotencyKey(String clientId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + ", request_hash, payment_url FROM payment_transaction "
                        + "WHERE client_id = ? AND idem_key = ?")
                .params(clientId, idempotencyKey)
                .query((rs, n) -> new Keyed(row(rs, n), rs.getString("request_hash"), rs.getString("payment_url")))
                .optional();
    }

    /** The PENDING transaction of the same dossier, gateway and fees, if there is one. */
    public Optional<Keyed> findPending(String pendingKey) {
        return jdbc.sql("SELECT " + COLUMNS + ", request_hash, payment_url FROM payment_transaction "
                        + "WHERE pending_key = ?")
                .param(pendingKey)
                .query((rs, n) -> new Keyed(row(rs, n), rs.getString("request_hash"), rs.getString("payment_url")))
                .optional();
    }

    /** Keeps the URL the gateway answered, so a retried request gets the same one. */
    public void recordPaymentUrl(String transactionId, String paymentUrl) {
        jdbc.sql("UPDATE payment_transaction SET payment_url = ? WHERE transaction_id = ?")
                .params(paymentUrl, transactionId).update();
    }

    /** A stored transaction with the hash of the request that started it and the URL its gateway answered. */
    public record Keyed(PaymentTransaction transaction, String requestHash, String paymentUrl) {
    }

    public Optional<PaymentTransaction> find(String transactionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_transaction WHERE transaction_id = ?")
                .param(transactionId).query(PaymentStore::row).optional();
    }

    public List<PaymentTransaction> ofDossier(String dossierCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_transaction WHERE dossier_code = ? ORDER BY created_at")
                .param(dossierCode).query(PaymentStore::row).list();
    }

    /**
     * Moves a PENDING transaction to its final state; true only for the one caller that made the change, so a
     * duplicate or concurrent callback (on any node) finds nothing to update and has no effect. Its pending key is
     * cleared: the same fees may be paid again only after this attempt failed.
     */
    public boolean settle(String transactionId, PaymentState state, String gatewayRef, String settledBy,
                          OffsetDateTime at) {
        return jdbc.sql("UPDATE payment_transaction SET state = ?, gateway_ref = ?, settled_by = ?, settled_at = ?, "
                        + "pending_key = NULL WHERE transaction_id = ? AND state = 'PENDING'")
                .params(state.name(), gatewayRef, settledBy, at, transactionId).update() == 1;
    }

    public List<PaymentTransaction> pendingSince(OffsetDateTime createdBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_transaction WHERE state = 'PENDING' AND created_at < ? "
                        + "ORDER BY created_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(createdBefore).query(PaymentStore::row).list();
    }

    public List<PaymentTransaction> createdBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_transaction WHERE created_at >= ? AND created_at < ? "
                        + "ORDER BY created_at")
                .params(from, to).query(PaymentStore::row).list();
    }

    public void recordCallback(String gateway, String transactionId, String outcome, Long amount, OffsetDateTime at) {
        jdbc.sql("INSERT INTO payment_callback (gateway, transaction_id, outcome, amount, received_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(gateway, transactionId, outcome, amount, at).update();
    }

    /**
     * Transactions of the period a gateway reported with another amount than theirs, or reported paid after the hub
     * had settled them as failed: both need a person.
     */
    public List<String> mismatchedBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT DISTINCT c.transaction_id FROM payment_callback c JOIN payment_transaction t "
                        + "ON t.transaction_id = c.transaction_id WHERE c.outcome IN ('INVALID_AMOUNT', 'PAID_AFTER_FAILED') "
                        + "AND t.created_at >= ? AND t.created_at < ? ORDER BY c.transaction_id")
                .params(from, to).query(String.class).list();
    }

    /** Codes of the dossiers received in the period with a fee above zero. */
    public Set<String> feeBearingDossiersReceivedBetween(OffsetDateTime from, OffsetDateTime to, CanonicalJson json) {
        Set<String> codes = new HashSet<>();
        jdbc.sql("SELECT d.dossier_code, " + IndicatorFacts.COLUMNS + " FROM dossier d "
                        + "WHERE d.received_at >= ? AND d.received_at < ?")
                .params(from, to).query(rs -> {
                    if (IndicatorFacts.read(rs, json).feeBearing()) {
                        codes.add(rs.getString("dossier_code"));
                    }
                });
        return codes;
    }

    /** Dossiers received in the period that have a paid transaction. */
    public List<String> paidDossiersReceivedBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT DISTINCT t.dossier_code FROM payment_transaction t JOIN dossier d "
                        + "ON d.dossier_code = t.dossier_code WHERE t.state = 'PAID' AND d.received_at >= ? "
                        + "AND (t.settled_by IS NULL OR t.settled_by <> '" + Payments.CASH_ON_DELIVERY + "') "
                        + "AND d.received_at < ?")
                .params(from, to).query(String.class).list();
    }

    /** The electronic receipt issued for a transaction (table payment_receipt, written by the ereceipt connector). */
    public record Receipt(String receiptNumber, String lookupCode, String url) {
    }

    /** Issued receipts of the dossier's transactions, by transaction id. */
    public java.util.Map<String, Receipt> receiptsOfDossier(String dossierCode) {
        java.util.Map<String, Receipt> receipts = new java.util.HashMap<>();
        jdbc.sql("SELECT transaction_id, receipt_number, lookup_code, receipt_url FROM payment_receipt "
                        + "WHERE dossier_code = ? AND state = 'ISSUED'")
                .param(dossierCode).query(rs -> {
                    receipts.put(rs.getString("transaction_id"), new Receipt(rs.getString("receipt_number"),
                            rs.getString("lookup_code"), rs.getString("receipt_url")));
                });
        return receipts;
    }

    private static PaymentTransaction row(ResultSet rs, int n) throws SQLException {
        return new PaymentTransaction(rs.getString("transaction_id"), rs.getString("dossier_code"),
                rs.getString("gateway"), rs.getLong("amount"), rs.getString("fee_codes"), rs.getString("payer"),
                rs.getString("return_url"), PaymentState.valueOf(rs.getString("state")), rs.getString("gateway_ref"),
                rs.getString("settled_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("settled_at", OffsetDateTime.class));
    }
}
