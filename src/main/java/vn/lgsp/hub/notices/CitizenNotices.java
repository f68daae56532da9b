package vn.lgsp.hub.notices;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.IntakeFollower;
import vn.lgsp.hub.dossier.StatusChangeFollower;
import vn.lgsp.hub.notices.NoticeTemplates.Template;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Notices to citizens on the states that matter to them (received, supplement needed, payment due, result ready;
 * which ones is {@link NoticeTemplates}' data). Decided inside the transaction that records the state, so a notice
 * is queued (outbox) exactly when the state commits; sent by route {@code notice-delivery-to-sms}, which calls
 * {@link #gatewayRequest} for the request body. Once per state: the key is dossier code + status + when the state
 * began, and a state of the same kind as the one before it (the same status reported again, 1 then 2) sends nothing.
 * An applicant without a phone number or on the opt-out list gets a notice recorded as SKIPPED, never sent.
 */
@Component("citizenNotices")
public class CitizenNotices implements StatusChangeFollower, IntakeFollower {

    public static final String EVENT_TYPE = "CITIZEN_NOTICE";
    /** Exchange property with the notice's key, the channel's idempotency key. */
    public static final String NOTICE_KEY = "hubNoticeKey";
    private static final Logger log = LoggerFactory.getLogger(CitizenNotices.class);

    /** A notice as {@code GET /api/v1/dossiers/{code}/notices} shows it; the address masked. */
    public record Notice(String noticeKey, String kind, int status, String channel, String address, String outcome,
                         String reason, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private static final String INSERT = "INSERT INTO citizen_notice (notice_key, dossier_code, kind, status, channel, "
            + "address_masked, outcome, reason, event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DossierStore dossiers;
    private final CanonicalJson json;
    private final NoticeTemplates templates;
    private final NoticeOptOuts optOuts;
    private final NoticeChannel channel;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final MeterRegistry meters;
    private final NoticeProperties properties;

    public CitizenNotices(JdbcClient jdbc, JdbcTemplate batches, DossierStore dossiers, CanonicalJson json, NoticeTemplates templates,
                          NoticeOptOuts optOuts, List<NoticeChannel> channels, Outbox outbox, DossierTrail trail,
                          MeterRegistry meters, NoticeProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dossiers = dossiers;
        this.json = json;
        this.templates = templates;
        this.optOuts = optOuts;
        this.channel = channels.stream().filter(c -> c.id().equals(properties.channel())).findFirst()
                .orElseThrow(() -> new IllegalStateException("hub.notices.channel: no notice channel "
                        + properties.channel()));
        this.outbox = outbox;
        this.trail = trail;
        this.meters = meters;
        this.properties = properties;
    }

    /**
     * The notices of new dossiers (the received kind, in general): decided like {@link #follow}'s, with one query
     * per batch for the notices already kept and one for the opt-outs, and their rows inserted with one batch.
     */
    @Override
    public void received(List<Dossier> accepted, List<DossierTrail.Note> trail, List<Outbox.Draft> messages) {
        if (!properties.enabled()) {
            return;
        }
        List<NewNotice> notices = accepted.stream().filter(d -> d.status() != null)
                .flatMap(d -> templates.forStatus(d.status()).stream()
                        .map(t -> new NewNotice(d, t, key(d.dossierCode(), d.status(), d.receivedAt()),
                                channel.address(d))))
                .toList();
        if (notices.isEmpty()) {
            return;
        }
        Set<String> kept = Set.copyOf(jdbc.sql("SELECT notice_key FROM citizen_notice WHERE notice_key IN (:keys)")
                .param("keys", notices.stream().map(NewNotice::key).toList()).query(String.class).list());
        Set<String> optedOut = optOuts.optedOut(notices.stream().flatMap(n -> n.address().stream()).toList());
        OffsetDateTime now = DossierTrail.now();
        List<Object[]> rows = new ArrayList<>();
        for (NewNotice notice : notices) {
            if (kept.contains(notice.key())) {
                continue;
            }
            String reason = notice.address().isEmpty() ? "no address on this channel"
                    : optedOut.contains(notice.address().get()) ? "opted out" : null;
            String eventId = null;
            if (reason == null) {
                Outbox.Draft message = Outbox.Draft.of(properties.queue(), notice.dossier().dossierCode(), EVENT_TYPE,
                        notice.key());
                messages.add(message);
                eventId = message.eventId();
            }
            String outcome = reason == null ? "QUEUED" : "SKIPPED";
            rows.add(row(notice.key(), notice.dossier().dossierCode(), notice.template().kind(),
                    notice.dossier().status(), notice.address(), outcome, reason, eventId, now));
            trail.add(new DossierTrail.Note(notice.dossier().dossierCode(), TrailKind.NOTICE, channel.id(),
                    detail(notice.template(), outcome, reason)));
            counted(notice.template(), outcome);
        }
        batches.batchUpdate(INSERT, rows);
    }

    /** A notice a new dossier may get. */
    private record NewNotice(Dossier dossier, Template template, String key, Optional<String> address) {
    }

    @Override
    public void follow(String dossierCode, StatusChange change, boolean current) {
        if (!current || !properties.enabled() || templates.forStatus(change.status()).isEmpty()) {
            return; // a late report of an older state tells the citizen nothing new
        }
        Dossier dossier = json.parse(dossiers.find(dossierCode).orElseThrow().payload(), Dossier.class);
        notice(dossier, change.status(), change.at(), previousKind(dossierCode, change));
    }

    private void notice(Dossier dossier, int status, OffsetDateTime since, String previousKind) {
        Optional<Template> template = templates.forStatus(status);
        if (!properties.enabled() || template.isEmpty() || template.get().kind().equals(previousKind)) {
            return;
        }
        String code = dossier.dossierCode();
        String key = key(code, status, since);
        if (jdbc.sql("SELECT COUNT(*) FROM citizen_notice WHERE notice_key = ?").param(key)
                .query(Integer.class).single() > 0) {
            return;
        }
        Optional<String> address = channel.address(dossier);
        String reason = address.isEmpty() ? "no address on this channel"
                : optOuts.isOptedOut(address.get()) ? "opted out" : null;
        String eventId = reason == null ? outbox.enqueue(properties.queue(), code, EVENT_TYPE, key).eventId() : null;
        String outcome = reason == null ? "QUEUED" : "SKIPPED";
        jdbc.sql(INSERT).params(row(key, code, template.get().kind(), status, address, outcome, reason, eventId,
                DossierTrail.now())).update();
        trail.record(code, TrailKind.NOTICE, channel.id(), detail(template.get(), outcome, reason));
        counted(template.get(), outcome);
    }

    /** Once per state: the dossier, the status and when the state began. */
    private static String key(String code, int status, OffsetDateTime since) {
        return code + ":" + status + ":" + since.toInstant().toEpochMilli();
    }

    private Object[] row(String key, String code, String kind, int status, Optional<String> address, String outcome,
                         String reason, String eventId, OffsetDateTime at) {
        return new Object[] {key, code, kind, status, channel.id(), address.map(channel::masked).orElse(null),
                outcome, reason, eventId, at};
    }

    private static String detail(Template template, String outcome, String reason) {
        return template.kind() + " " + outcome + (reason == null ? "" : ": " + reason);
    }

    private void counted(Template template, String outcome) {
        meters.counter("hub.notices", "kind", template.kind(), "outcome", outcome.toLowerCase()).increment();
    }

    /** The kind of the state the dossier was in before this change: its previous change, or what intake noticed. */
    private String previousKind(String dossierCode, StatusChange change) {
        StatusChange previous = null;
        for (StatusChange c : dossiers.statusHistory(dossierCode)) {
            if (c.status() == change.status() && c.at().isEqual(change.at())) {
                break;
            }
            previous = c;
        }
        if (previous != null) {
            return templates.forStatus(previous.status()).map(Template::kind).orElse(null);
        }
        return jdbc.sql("SELECT kind FROM citizen_notice WHERE dossier_code = ? ORDER BY created_at")
                .param(dossierCode).query(String.class).list().stream().findFirst().orElse(null);
    }

    /** The channel's request for the notice the message names: the address and the rendered text only. */
    public void gatewayRequest(Exchange exchange) {
        String key = exchange.getMessage().getBody(String.class);
        var notice = jdbc.sql("SELECT dossier_code, status FROM citizen_notice WHERE notice_key = ?").param(key)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).optional()
                .orElseThrow(() -> new PermanentDeliveryException("No notice " + key));
        Dossier dossier = json.parse(dossiers.find((String) notice[0]).orElseThrow().payload(), Dossier.class);
        Template template = templates.forStatus((Integer) notice[1]).orElseThrow(
                () -> new PermanentDeliveryException("No template for status " + notice[1] + " any more"));
        String address = channel.address(dossier).orElseThrow(
                () -> new PermanentDeliveryException("The dossier has no address for " + channel.id() + " any more"));
        log.debug("Notice {} to {}", key, channel.masked(address));
        exchange.setProperty(NOTICE_KEY, key);
        exchange.getMessage().setBody(channel.request(address, templates.render(template, dossier), key));
    }

    /** A dossier's notices, oldest first: SENT once the channel's system confirmed, FAILED once dead-lettered. */
    public List<Notice> of(String dossierCode) {
        return jdbc.sql("SELECT n.*, l.delivered_at, (SELECT MAX(e.at) FROM dossier_event e WHERE e.dossier_code = "
                        + "n.dossier_code AND e.kind = 'DEAD_LETTERED' AND e.system_id = n.channel "
                        + "AND e.at >= n.created_at) AS failed_at FROM citizen_notice n "
                        + "LEFT JOIN delivery_ledger l ON l.event_id = n.event_id AND l.target = n.channel "
                        + "WHERE n.dossier_code = ? ORDER BY n.created_at, n.notice_key")
                .param(dossierCode)
                .query((rs, n) -> {
                    OffsetDateTime sentAt = rs.getObject("delivered_at", OffsetDateTime.class);
                    String outcome = rs.getString("outcome");
                    if (sentAt != null) {
                        outcome = "SENT";
                    } else if ("QUEUED".equals(outcome) && rs.getObject("failed_at") != null) {
                        outcome = "FAILED";
                    }
                    return new Notice(rs.getString("notice_key"), rs.getString("kind"), rs.getInt("status"),
                            rs.getString("channel"), rs.getString("address_masked"), outcome, rs.getString("reason"),
                            rs.getObject("created_at", OffsetDateTime.class), sentAt);
                })
                .list();
    }
}
