package vn.lgsp.hub.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A trail entry's detail in the console's language. The trail stores the hub's own words in English (the API shows
 * them as they are); the console shows each of the hub's phrases through {@code trail.detail.<phrase>} of
 * {@code console/messages_*.properties}, its values (codes, numbers, an external system's answer) kept as they are.
 * A detail or part of one that is no phrase of the hub stays as stored. A phrase changed where the trail is written
 * and not here shows in English: {@code TrailDetailsTest} holds one example of each.
 */
@Component("trailDetails")
public class TrailDetails {

    /** One phrase of the hub: the message that says it, what it looks like in the trail. */
    record Phrase(String key, Pattern pattern) {
        Phrase(String key, String regex) {
            this(key, Pattern.compile(regex, Pattern.DOTALL));
        }
    }

    /** Details whose tail is an external system's answer, which may hold "; " itself: matched whole. */
    static final List<Phrase> WHOLE = List.of(
            new Phrase("retry", "retry (\\d+) after (.*)"),
            new Phrase("deadLettered", "after (\\d+) attempt\\(s\\): (.*)"),
            new Phrase("documentStatus", "document (\\S+): (\\S+) (.*)"),
            new Phrase("statusOlder", "status (\\d+) at (\\S+) \\(older than the current status; kept in history "
                    + "only\\)"));

    /** The other phrases, matched on each part of a detail between "; ". */
    static final List<Phrase> PARTS = List.of(
            new Phrase("received", "procedure (\\S+), agency (\\S+), channel (\\S+)"),
            new Phrase("duplicate", "same sourceRef submitted again"),
            new Phrase("originalReceipt", "original receipt returned"),
            new Phrase("routed", "routed by procedure and agency"),
            new Phrase("processedHere", "processed where it was received: no sector rule for procedure (\\S+) at "
                    + "agency (\\S+)"),
            new Phrase("status", "status (\\d+) at (\\S+)"),
            new Phrase("acceptedHttp", "(\\S+) accepted with HTTP (\\d+)"),
            new Phrase("dvcqgSteps", "CapNhatTienDoHoSoMC of (\\d+) step\\(s\\) accepted"),
            new Phrase("dvcqgAlready", "(\\d+) already at the portal"),
            new Phrase("dvcqgInsert", "DongBoHoSoMC \\(insert\\) of version (\\d+), status (\\d+) accepted"),
            new Phrase("dvcqgUpdate", "DongBoHoSoMC \\(update\\) of version (\\d+), status (\\d+) accepted"),
            new Phrase("reconcileAbsent", "reconciliation found the portal without the dossier"),
            new Phrase("reconcileDiffersMissing", "reconciliation found the portal with a different dossier missing "
                    + "(\\d+) progress step\\(s\\)"),
            new Phrase("reconcileDiffers", "reconciliation found the portal with a different dossier"),
            new Phrase("reconcileMissing", "reconciliation found the portal\\s+missing (\\d+) progress step\\(s\\)"),
            new Phrase("queuedForSync", "queued for sync again"),
            new Phrase("unverified", "(\\S+) unavailable"),
            new Phrase("deliveredUnverified", "delivered unverified, to be re-verified"),
            new Phrase("notCached", "(\\S+) not in the hub's cache"),
            new Phrase("deliveredUnverifiedBeside", "delivered unverified, verified beside the delivery"),
            new Phrase("fromCache", "from the hub's cache"),
            new Phrase("noCitizen", "(\\S+) knows no such citizen"),
            new Phrase("noEnterprise", "(\\S+) knows no such enterprise"),
            new Phrase("deliveredAsSubmitted", "delivered as submitted"),
            new Phrase("verified", "verified against (\\S+): (.*)"),
            new Phrase("differ", "(.+) differ from (\\S+)"),
            new Phrase("registryValues", "the registry's values were delivered"),
            new Phrase("reenrichedBoth", "applicant (.+) after the registry recovered"),
            new Phrase("enrichedBeside", "applicant (.+) beside the delivery"),
            new Phrase("updateQueuedBoth", "update queued for onestop and dvcqg"),
            new Phrase("updateQueued", "update queued for (\\S+)"),
            new Phrase("supplementRequested", "supplement (\\d+) requested at (\\S+)"),
            new Phrase("supplementReceived", "supplement (\\d+) received at (\\S+)"),
            new Phrase("correction", "correction of (.+) at (\\S+)"),
            new Phrase("withdrawn", "withdrawn by the applicant at (\\S+)"),
            new Phrase("cancelled", "cancelled by the applicant at (\\S+)"),
            new Phrase("queuedFor", "queued for (.+)"),
            new Phrase("takesNoAmendments", "(.+) takes no amendments"),
            new Phrase("paymentRequested", "transaction (\\S+), (\\d+) VND"),
            new Phrase("paymentFailed", "transaction (\\S+) not paid \\((\\S+)\\)"),
            new Phrase("paymentConfirmed", "transaction (\\S+) paid, (\\d+) VND \\((\\S+)\\)"),
            new Phrase("documentSent", "document (\\S+) sent as edXML \\((\\d+) bytes\\), axis id (\\S+)"),
            new Phrase("documentRequested", "document (\\S+) to \\[(.*)\\] with (\\d+) attachment\\(s\\)"),
            new Phrase("documentStatusQueued", "status (\\S+) queued for (\\S+) about document (\\S+)"),
            new Phrase("documentReply", "reply to document (\\S+) with (\\d+) attachment\\(s\\)"),
            new Phrase("documentNew", "new document (\\S+) from (\\S+) with (\\d+) attachment\\(s\\), for the one-stop "
                    + "system"),
            new Phrase("documentTakenUp", "taken up as dossier (\\S+)"),
            new Phrase("documentOpened", "opened for received document (\\S+)"),
            new Phrase("document", "document (\\S+)"),
            new Phrase("feeNotListed", "fee (\\S+) is not listed for procedure (\\S+) in the catalogue"),
            new Phrase("feeWithoutCode", "fee without a code is not listed for procedure (\\S+) in the catalogue"),
            new Phrase("procedureNotListed", "procedure (\\S+) is not in the catalogue \\((\\S+) nor the national "
                    + "list\\)"),
            new Phrase("acceptedAsSubmitted", "accepted as submitted"),
            new Phrase("acceptedWithoutCatalogue", "accepted as submitted \\(no field of activity, no computed due "
                    + "date\\)"),
            new Phrase("replayed", "replayed from (\\S+) by (\\S+)"),
            new Phrase("discarded", "discarded from (\\S+) by (\\S+)"),
            new Phrase("noticeQueued", "([A-Z_]+) QUEUED"),
            new Phrase("noticeOptedOut", "([A-Z_]+) SKIPPED: opted out"),
            new Phrase("noticeNoAddress", "([A-Z_]+) SKIPPED: no address on this channel"),
            new Phrase("receiptRequested", "receipt of transaction (\\S+), (\\d+) VND"),
            new Phrase("receiptIssued", "receipt (\\S+) \\(lookup (\\S+)\\) of transaction (\\S+)"),
            new Phrase("receiptKept", "no notice channel to the citizen: kept with the payment"),
            new Phrase("postalOrderCod", "(COLLECTION|DELIVERY) order (\\S+), cash on delivery (\\d+) VND"),
            new Phrase("postalOrder", "(COLLECTION|DELIVERY) order (\\S+)"),
            new Phrase("postalCodMismatch", "cash on delivery reported (\\d+) VND, ordered (\\d+) VND: not settled"),
            new Phrase("postalStateRef", "(COLLECTION|DELIVERY) ([A-Z]+) at (\\S+) \\((.*)\\)"),
            new Phrase("postalState", "(COLLECTION|DELIVERY) ([A-Z]+) at (\\S+)"));

    private static final String PART_SEPARATOR = "; ";
    private static final String LIST_SEPARATOR = ", ";

    /** The hub's reason for a failed call (delivery.DeliveryFailures): the answer's excerpt stays as it is. */
    private static final Pattern HTTP_FAILURE = Pattern.compile("HTTP (\\d+) from (\\S+?)(: .*)?", Pattern.DOTALL);

    private final MessageSource messages;

    public TrailDetails(MessageSource messages) {
        this.messages = messages;
    }

    /** The detail as the console shows it in this language. */
    public String show(String detail, Locale locale) {
        if (detail == null || detail.isEmpty()) {
            return detail;
        }
        String whole = phrase(WHOLE, detail, locale);
        if (whole != null) {
            return whole;
        }
        List<String> shown = new ArrayList<>();
        for (String part : detail.split(PART_SEPARATOR)) {
            String said = phrase(PARTS, part, locale);
            shown.add(said == null ? part : said);
        }
        return String.join(PART_SEPARATOR, shown);
    }

    private String phrase(List<Phrase> phrases, String text, Locale locale) {
        for (Phrase phrase : phrases) {
            Matcher m = phrase.pattern().matcher(text);
            if (m.matches()) {
                Object[] values = new Object[m.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = word(m.group(i + 1), locale);
                }
                return messages.getMessage("trail.detail." + phrase.key(), values, null, locale);
            }
        }
        return null;
    }

    /**
     * A value in the language where it is one of the hub's own words (an event type, a channel, how a payment was
     * settled, a list of applicant fields) or its reason for a failed call; else as it is.
     */
    private String word(String value, Locale locale) {
        if (value == null) {
            return null;
        }
        Matcher http = HTTP_FAILURE.matcher(value);
        if (http.matches()) {
            String said = messages.getMessage("trail.detail.httpFailure",
                    new Object[] {http.group(1), http.group(2), http.group(3)}, null, locale);
            return said == null ? value : said;
        }
        if (value.contains(LIST_SEPARATOR)) {
            return String.join(LIST_SEPARATOR, List.of(value.split(LIST_SEPARATOR)).stream()
                    .map(item -> word(item, locale)).toList());
        }
        if (!value.matches("[A-Za-z_ ]+")) {
            return value;
        }
        String word = messages.getMessage("trail.word." + value.replace(' ', '_'), null, null, locale);
        return word == null ? value : word;
    }
}
