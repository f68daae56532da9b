package vn.lgsp.hub.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.adapters.docaxis.DocAxisProtocol;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.StatusChangeFollower;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.statuses.DocAxisStatusTable;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Status packages back to the sender of each document the hub received (QCVN 102:2016 Status): {@code 03} received
 * on receipt; then, for a document tied to a dossier (a reply to the hub's document, or a new document the one-stop
 * system took up as a dossier), the code {@code mappings/docaxis/status.hub-to-docaxis.csv} gives for each status
 * the dossier reaches (04 assigned, 05 processing, 06 completed). Each is queued in the transaction of what it
 * reports, once per change of code (the last code queued is kept with the document), grouped by document so the
 * sender hears them in order; the route {@code document-status-to-docaxis} writes and sends them
 * ({@link #write}).
 */
@Component("documentStatusPackages")
public class DocumentStatusPackages implements StatusChangeFollower {

    public static final String RECEIVED = "03";
    public static final String ASSIGNED = "04";
    /** Event type of a status package queued for a sender. */
    public static final String DOCUMENT_STATUS = "DOCUMENT_STATUS";

    /** The status package to send, as queued. */
    public record Queued(String documentKey, String statusCode, OffsetDateTime at, String description, String staff) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final CanonicalJson json;
    private final DocAxisStatusTable table;
    private final DocAxisProtocol protocol;
    private final DocAxisProperties properties;
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    public DocumentStatusPackages(JdbcClient jdbc, Outbox outbox, DossierTrail trail, CanonicalJson json,
                                  DocAxisStatusTable table, DocAxisProtocol protocol, DocAxisProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.trail = trail;
        this.json = json;
        this.table = table;
        this.protocol = protocol;
        this.properties = properties;
    }

    /** 03: the hub received the document. Inside the transaction that records it. */
    void received(String documentId) {
        queue(ReceivedDocuments.key(documentId), RECEIVED, DossierTrail.now(), "Đã tiếp nhận", null);
    }

    /** 04, then the code of the dossier's status: the one-stop system took the document up as this dossier. */
    void assigned(String documentKey, int dossierStatus) {
        OffsetDateTime now = DossierTrail.now();
        queue(documentKey, ASSIGNED, now, "Phân công xử lý", null);
        table.outgoing(dossierStatus).ifPresent(code -> queue(documentKey, code, now, null, null));
    }

    @Override
    public void follow(String dossierCode, StatusChange change, boolean current) {
        if (!current) {
            return;
        }
        table.outgoing(change.status()).ifPresent(code -> {
            for (String key : jdbc.sql("SELECT document_key FROM docaxis_document WHERE dossier_code = ? "
                    + "ORDER BY received_at").param(dossierCode).query(String.class).list()) {
                queue(key, code, change.at(), change.note(), change.officer());
            }
        });
    }

    /** Queues a code unless it is the last one queued for the document. */
    private void queue(String documentKey, String code, OffsetDateTime at, String description, String staff) {
        int changed = jdbc.sql("UPDATE docaxis_document SET last_status_code = ? WHERE document_key = ? "
                        + "AND (last_status_code IS NULL OR last_status_code <> ?)")
                .params(code, documentKey, code).update();
        if (changed == 0) {
            return;
        }
        Map<String, Object> row = jdbc.sql("SELECT document_id, sender_id FROM docaxis_document WHERE document_key = ?")
                .param(documentKey).query().singleRow();
        outbox.enqueue(properties.statusQueue(), documentKey, DOCUMENT_STATUS,
                json.write(new Queued(documentKey, code, at, description, staff)));
        trail.record(documentKey, TrailKind.DOCUMENT_STATUS, DocumentSender.SYSTEM, "status " + code + " queued for "
                + row.get("sender_id") + " about document " + row.get("document_id"));
    }

    /**
     * For the route: the queued status as the edXML package to send (body) with the axis' signed headers, to the
     * document's sender with {@code messagetype status}.
     */
    public void write(Exchange exchange) {
        Queued queued;
        try {
            queued = mapper.readValue(exchange.getMessage().getBody(String.class), Queued.class);
        } catch (IOException e) {
            throw new PermanentDeliveryException("Unreadable status event: " + e.getMessage());
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT document_id, sender_id, code, promulgation_date "
                + "FROM docaxis_document WHERE document_key = ?").param(queued.documentKey()).query().listOfRows();
        if (rows.isEmpty()) {
            throw new PermanentDeliveryException("No received document " + queued.documentKey());
        }
        Map<String, Object> document = rows.get(0);
        String sender = (String) document.get("sender_id");
        Object date = document.get("promulgation_date");
        Edxml.Status status = new Edxml.Status(new Edxml.Reference(sender, (String) document.get("code"),
                date == null ? null : LocalDate.parse(date.toString()), (String) document.get("document_id")),
                new Edxml.Organ(properties.organId(), properties.organName()), queued.statusCode(),
                queued.description(), queued.at(), queued.staff());
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeStatus(status, out);
        exchange.getMessage().setBody(out.toByteArray());
        protocol.signedHeaders(sender, "status").forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/xml; charset=UTF-8");
    }
}
