package vn.lgsp.hub.ereceipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.delivery.DeliveryCommit;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.payments.PaymentTransaction;
import vn.lgsp.hub.payments.SettlementFollower;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Electronic receipts of settled payments. A payment settled as paid (online or collected on delivery) gets a
 * receipt request in the settling transaction: a row of payment_receipt (one per transaction id, so never two) and
 * an outbox message to route receipt-request-to-ereceipt. The provider's answer is stored once ({@link #issued}),
 * with the trail entry and the notice to the one-stop system in the same transaction. The citizen: the hub has no
 * notice channel to citizens, so the receipt is kept with the payment ({@code citizen_notified} false) for one.
 */
@Service("eReceipts")
public class EReceipts implements SettlementFollower {

    public static final String SYSTEM = "ereceipt";
    public static final String RECEIPT_REQUESTED = "RECEIPT_REQUESTED";
    public static final String RECEIPT_ISSUED = "RECEIPT_ISSUED";
    private static final Logger log = LoggerFactory.getLogger(EReceipts.class);

    private final JdbcClient jdbc;
    private final DossierStore dossiers;
    private final CanonicalJson json;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final DeliveryCommit commits;
    private final ObjectMapper mapper;
    private final EReceiptProperties properties;

    public EReceipts(JdbcClient jdbc, DossierStore dossiers, CanonicalJson json, DossierTrail trail, Outbox outbox,
                     DeliveryCommit commits, ObjectMapper mapper, EReceiptProperties properties) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.json = json;
        this.trail = trail;
        this.outbox = outbox;
        this.commits = commits;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** A receipt as stored with its payment. */
    public record Receipt(String transactionId, String dossierCode, String state, String receiptNumber,
                          String lookupCode, String url, boolean citizenNotified) {
    }

    @Override
    public void paid(PaymentTransaction t, OffsetDateTime paidAt) {
        if (find(t.transactionId()).isPresent()) {
            return;
        }
        jdbc.sql("INSERT INTO payment_receipt (transaction_id, dossier_code, state, citizen_notified, requested_at) "
                        + "VALUES (?, ?, 'REQUESTED', FALSE, ?)")
                .params(t.transactionId(), t.dossierCode(), paidAt).update();
        Dossier dossier = json.parse(dossiers.find(t.dossierCode()).orElseThrow().payload(), Dossier.class);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("transactionId", t.transactionId());
        request.put("dossierCode", t.dossierCode());
        request.put("agencyCode", dossier.agencyCode());
        request.put("procedureCode", dossier.procedureCode());
        request.put("payer", t.payer() != null ? t.payer()
                : dossier.applicant() == null ? null : dossier.applicant().fullName());
        request.put("amount", t.amount());
        request.put("fees", dossier.fees().stream().filter(f -> f.code() != null
                && List.of(t.feeCodes().split(",")).contains(f.code()))
                .map(f -> Map.of("code", f.code(), "name", f.name(), "amount", f.amount())).toList());
        request.put("collectedBy", t.gateway());
        request.put("paidAt", paidAt.toString());
        trail.record(t.dossierCode(), TrailKind.RECEIPT_REQUESTED, SYSTEM, "receipt of transaction "
                + t.transactionId() + ", " + t.amount() + " VND");
        outbox.enqueue(properties.queue(), t.dossierCode(), RECEIPT_REQUESTED, json.write(request));
    }

    /**
     * The provider's answer, called by route receipt-request-to-ereceipt before the delivery is recorded: stores
     * the receipt once (a redelivered request finds it issued and changes nothing) and, with it, the trail entry
     * and the notice to the one-stop system, as one unit of the consumers' group commit (it updates only this
     * payment's receipt row). An answer without a receipt number is not retried: dead letter.
     */
    public void issued(Exchange exchange) {
        JsonNode answer;
        try {
            answer = mapper.readTree(exchange.getMessage().getBody(String.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PermanentDeliveryException("The receipt provider's answer is not JSON");
        }
        String transactionId = answer.path("transactionId").asText(null);
        String number = answer.path("receiptNumber").asText(null);
        if (transactionId == null || number == null) {
            throw new PermanentDeliveryException("The receipt provider's answer has no transactionId or receiptNumber");
        }
        String lookup = answer.path("lookupCode").asText(null);
        String url = answer.path("url").asText(null);
        commits.run(() -> {
            String code = find(transactionId).map(Receipt::dossierCode).orElse(null);
            boolean first = code != null && jdbc.sql("UPDATE payment_receipt SET state = 'ISSUED', receipt_number = ?, "
                            + "lookup_code = ?, receipt_url = ?, issued_at = ? WHERE transaction_id = ? "
                            + "AND state = 'REQUESTED'")
                    .params(number, lookup, url, DossierTrail.now(), transactionId).update() == 1;
            if (!first) {
                return null;
            }
            trail.record(code, TrailKind.RECEIPT_ISSUED, SYSTEM, "receipt " + number + " (lookup " + lookup
                    + ") of transaction " + transactionId + "; no notice channel to the citizen: kept with the payment");
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("dossierCode", code);
            // Not "transactionId": the one-stop system tells payment notices by that field.
            notice.put("paymentTransactionId", transactionId);
            notice.put("receiptNumber", number);
            notice.put("lookupCode", lookup);
            notice.put("url", url);
            outbox.enqueue(properties.onestopQueue(), code, RECEIPT_ISSUED, json.write(notice));
            log.info("Receipt {} issued for payment {}", number, transactionId);
            return null;
        });
    }

    public Optional<Receipt> find(String transactionId) {
        return jdbc.sql("SELECT transaction_id, dossier_code, state, receipt_number, lookup_code, receipt_url, "
                        + "citizen_notified FROM payment_receipt WHERE transaction_id = ?")
                .param(transactionId)
                .query((rs, n) -> new Receipt(rs.getString("transaction_id"), rs.getString("dossier_code"),
                        rs.getString("state"), rs.getString("receipt_number"), rs.getString("lookup_code"),
                        rs.getString("receipt_url"), rs.getBoolean("citizen_notified")))
                .optional();
    }

}
