package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every phrase the hub writes into a dossier's trail is shown in the console's language, its values kept: one
 * example of each, as the code that records it writes it.
 */
class TrailDetailsTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    /** One detail of each phrase, as recorded (dossier, delivery, dvcqg, registries, amendments, payments, documents, catalogue, console). */
    static final List<String> RECORDED = List.of(
            "procedure 1.001193, agency H15.50.05.13, channel ONLINE",
            "same sourceRef submitted again; original receipt returned",
            "routed by procedure and agency",
            "processed where it was received: no sector rule for procedure 2.000001 at agency H15.50",
            "status 4 at 2026-12-05T10:00+07:00",
            "status 3 at 2026-12-05T09:00+07:00 (older than the current status; kept in history only)",
            "DOSSIER_RECEIVED accepted with HTTP 201",
            "retry 2 after HTTP 503 from http://127.0.0.1:8080/sim/onestop/api/dossiers: {\"error\":\"a; b\"}",
            "after 3 attempt(s): HTTP 422 from http://127.0.0.1:8080/sim/onestop/api/dossiers: invalid",
            "CapNhatTienDoHoSoMC of 2 step(s) accepted; 1 already at the portal",
            "DongBoHoSoMC (insert) of version 1, status 1 accepted",
            "DongBoHoSoMC (update) of version 2, status 4 accepted",
            "reconciliation found the portal without the dossier; queued for sync again",
            "reconciliation found the portal with a different dossier missing 2 progress step(s); queued for sync again",
            "reconciliation found the portal  missing 1 progress step(s); queued for sync again",
            "population unavailable; delivered unverified, to be re-verified",
            "population knows no such citizen; delivered as submitted",
            "business knows no such enterprise; delivered as submitted",
            "verified against CSDLQG_DAN_CU: fullName, birthDate",
            "fullName differ from CSDLQG_DAN_CU; the registry's values were delivered",
            "applicant verified after the registry recovered; update queued for onestop and dvcqg",
            "applicant not found after the registry recovered; update queued for dvcqg",
            "CSDLQG_DAN_CU not in the hub's cache; delivered unverified, verified beside the delivery",
            "verified against CSDLQG_DAN_CU: personalId, fullName; from the hub's cache",
            "applicant verified beside the delivery; update queued for onestop and dvcqg",
            "supplement 1 requested at 2026-12-05T10:00+07:00; queued for onestop, sector-land",
            "supplement 1 received at 2026-12-05T10:00+07:00",
            "correction of fullName, birthDate at 2026-12-05T10:00+07:00; sector-labour takes no amendments",
            "withdrawn by the applicant at 2026-12-05T10:00+07:00",
            "cancelled by the applicant at 2026-12-05T10:00+07:00",
            "transaction PAY123, 8000 VND",
            "transaction PAY123 not paid (reconciliation)",
            "transaction PAY123 paid, 8000 VND (callback)",
            "document D1 sent as edXML (2048 bytes), axis id AX-9",
            "document D1",
            "document D1 to [000.00.00.H22, 000.00.01.H22] with 2 attachment(s)",
            "status 03 queued for 000.00.00.H22 about document D1",
            "document D1: 03 Đã tiếp nhận",
            "reply to document D1 with 1 attachment(s)",
            "new document D2 from 000.00.00.H22 with 0 attachment(s), for the one-stop system",
            "taken up as dossier H15.50.05.13-261205-0001",
            "opened for received document DOC-abc",
            "fee LP01 is not listed for procedure 1.001193 in the catalogue; accepted as submitted",
            "fee without a code is not listed for procedure 1.001193 in the catalogue; accepted as submitted",
            "procedure 9.9 is not in the catalogue (mappings/catalogue/procedures.csv nor the national list); "
                    + "accepted as submitted (no field of activity, no computed due date)",
            "replayed from lgsp.onestop.dossier.DLQ by operator",
            "discarded from lgsp.onestop.dossier.DLQ by operator",
            "RECEIVED QUEUED", "RESULT_READY SKIPPED: opted out", "PAYMENT_DUE SKIPPED: no address on this channel",
            "receipt of transaction PAY1, 8000 VND",
            "receipt BL-0001 (lookup TC42) of transaction PAY1; no notice channel to the citizen: kept with the payment",
            "DELIVERY order H15.50-261204-0001:POSTAL_DELIVERY, cash on delivery 8000 VND",
            "COLLECTION order H15.50-261204-0001:POSTAL_COLLECTION",
            "DELIVERY DELIVERED at 2026-12-04T03:00:00Z (VN0001)", "COLLECTION COLLECTED at 2026-12-04T03:00:00Z",
            "cash on delivery reported 5000 VND, ordered 8000 VND: not settled");

    /** The hub's English words that must not be left on a Vietnamese page. */
    static final List<String> ENGLISH = List.of("procedure", "agency", "channel", "submitted", "receipt", "routed",
            "processed", "status ", "accepted", "retry", "attempt", "step(s)", "portal", "reconciliation", "queued",
            "unavailable", "delivered", "knows no such", "verified", "differ", "registry", "applicant", "supplement",
            "requested", "received", "correction", "withdrawn", "cancelled", "amendments", "transaction", "paid",
            "document", "sent as", "attachment", "reply", "taken up", "opened", "fee ", "catalogue", "replayed",
            "discarded", " by ", " at ", "insert", "update");

    final TrailDetails details = new TrailDetails(messages());

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("console/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void everyPhraseOfTheHubIsShownInVietnameseWithItsValues() {
        for (String recorded : RECORDED) {
            String shown = details.show(recorded, VI);
            assertThat(ENGLISH).as(recorded + " -> " + shown)
                    .noneMatch(word -> shown.replace("mappings/catalogue/procedures.csv", "").toLowerCase(Locale.ROOT)
                            .contains(word));
        }
        assertThat(details.show("DOSSIER_RECEIVED accepted with HTTP 201", VI)).isEqualTo("Hồ sơ đã được nhận (HTTP 201)");
        assertThat(details.show(RECORDED.get(7), VI))
                .isEqualTo("lần thử lại 2, lỗi: HTTP 503 từ http://127.0.0.1:8080/sim/onestop/api/dossiers: "
                        + "{\"error\":\"a; b\"}");
        assertThat(details.show("verified against CSDLQG_DAN_CU: personalId, fullName, birthDate", VI))
                .isEqualTo("đã đối chiếu với CSDLQG_DAN_CU: số định danh, họ tên, ngày sinh");
        assertThat(details.show("transaction PAY123 paid, 8000 VND (callback)", VI))
                .isEqualTo("giao dịch PAY123 đã thanh toán, 8000 VND (thông báo của cổng thanh toán)");
    }

    @Test
    void inEnglishThePhrasesStayTheHubsWords() {
        assertThat(details.show("procedure 1.001193, agency H15.50.05.13, channel ONLINE", Locale.ENGLISH))
                .isEqualTo("procedure 1.001193, agency H15.50.05.13, channel online");
        assertThat(details.show("DOSSIER_RECEIVED accepted with HTTP 201", Locale.ENGLISH))
                .isEqualTo("dossier accepted with HTTP 201");
        for (String recorded : RECORDED) {
            assertThat(details.show(recorded, Locale.ENGLISH)).as(recorded)
                    .doesNotContain("đã", "thủ tục", "hồ sơ", "văn bản", "giao dịch", "hàng đợi");
        }
    }

    @Test
    void whatIsNoPhraseOfTheHubStaysAsStored() {
        assertThat(details.show("Chuyển phòng Tư pháp", VI)).isEqualTo("Chuyển phòng Tư pháp");
        assertThat(details.show("routed by procedure and agency; something new", VI))
                .isEqualTo("định tuyến theo thủ tục và cơ quan; something new");
        assertThat(details.show(null, VI)).isNull();
    }
}
