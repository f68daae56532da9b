package vn.lgsp.hub.ereceipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.ereceipt.EReceiptSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A payment settled online gets one electronic receipt: the provider (simulator) issues it once, through its
 * failures (503 retried), the hub keeps it with the payment and the trail, and the one-stop system gets it once; a
 * refused request (400) is dead-lettered with its reason and nothing is kept as issued.
 */
class EReceiptIT extends HubIntegrationTest {

    @Autowired
    EReceiptSimulator provider;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        provider.clearReceived();
        provider.clearFaults();
    }

    @Test
    void aSettledPaymentGetsOneReceiptThroughTheProvidersFailures() {
        provider.injectFaults(new Faults(null, 503, null, null, 2));
        String code = dossier("RCPT");
        String tx = paid(code);

        eventually().until(() -> "ISSUED".equals(receiptState(tx)));
        var receipt = jdbc.sql("SELECT receipt_number, lookup_code, receipt_url, citizen_notified FROM payment_receipt "
                + "WHERE transaction_id = ?").param(tx).query((rs, n) -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3), String.valueOf(rs.getBoolean(4))}).single();
        assertThat(receipt[0]).startsWith("BL26-");
        assertThat(receipt[1]).isNotBlank();
        assertThat(receipt[3]).as("no notice channel to citizens: kept for later").isEqualTo("false");
        assertThat(provider.receivedLog().get(tx).arrivals()).isEqualTo(1);
        assertThat(trailCount(code, "DELIVERY_RETRY", "ereceipt")).isEqualTo(2);
        assertThat(trailCount(code, "RECEIPT_ISSUED", "ereceipt")).isEqualTo(1);
        var payments = hub.get("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY);
        assertThat(payments.json().get(0).path("receipt").path("receiptNumber").asText()).isEqualTo(receipt[0]);

        eventually().until(() -> onestop.receivedLog().items().stream()
                .anyMatch(i -> i.key().startsWith(code + ":receipt:")));
        assertThat(onestop.receivedLog().items()).filteredOn(i -> i.key().startsWith(code + ":receipt:"))
                .singleElement().satisfies(i -> {
                    assertThat(i.arrivals()).isEqualTo(1);
                    assertThat(((com.fasterxml.jackson.databind.JsonNode) i.body()).path("receiptNumber").asText())
                            .isEqualTo(receipt[0]);
                });
    }

    @Test
    void aRefusedRequestIsDeadLetteredWithItsReason() {
        provider.injectFaults(new Faults(null, 400, null, null, 1));
        String code = dossier("RCPT-400");
        String tx = paid(code);

        eventually().until(() -> trailCount(code, "DEAD_LETTERED", "ereceipt") == 1);
        String detail = jdbc.sql("SELECT detail FROM dossier_event WHERE dossier_code = ? AND kind = 'DEAD_LETTERED' "
                + "AND system_id = 'ereceipt'").param(code).query(String.class).single();
        assertThat(detail).contains("400");
        assertThat(receiptState(tx)).isEqualTo("REQUESTED");
        assertThat(trailCount(code, "DELIVERY_RETRY", "ereceipt")).as("a 4xx is not retried").isZero();
    }

    private String dossier(String prefix) {
        var intake = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef(prefix), "1.009001"));
        assertThat(intake.status()).as(intake.body()).isEqualTo(202);
        return intake.json().get("dossierCode").asText();
    }

    /** Pays the dossier's fee LP01 online at the national payment platform (simulator); answers the transaction. */
    private String paid(String code) {
        var started = hub.postJson("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY, """
                {"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"Nguyễn Thị Hoà",
                 "returnUrl":"https://dvc.example.vn/ket-qua","gateway":"payment"}""");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String tx = started.json().get("transactionId").asText();
        var pay = hub.postJson("/sim/payment/pay/" + tx, null, "{}");
        assertThat(pay.status()).as(pay.body()).isEqualTo(200);
        eventually().until(() -> receiptState(tx) != null);
        return tx;
    }

    private String receiptState(String tx) {
        return jdbc.sql("SELECT state FROM payment_receipt WHERE transaction_id = ?").param(tx).query(String.class)
                .optional().orElse(null);
    }

    private long trailCount(String code, String kind, String system) {
        return jdbc.sql("SELECT COUNT(*) FROM dossier_event WHERE dossier_code = ? AND kind = ? AND system_id = ?")
                .params(code, kind, system).query(Long.class).single();
    }
}
