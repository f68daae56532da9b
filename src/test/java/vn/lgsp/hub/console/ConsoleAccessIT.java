package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** Who may see and do what in the operations console, over plain HTTP as a browser sends it. */
class ConsoleAccessIT extends HubIntegrationTest {

    static final String DLQ = "lgsp.onestop.dossier.DLQ";
    static final List<String> PAGES = List.of("/console", "/console/routes", "/console/systems", "/console/queues",
            "/console/dead-letters?queue=" + DLQ, "/console/trace?code=X", "/console/indicators", "/console/audit");
    static final List<String> APIS = List.of("/console/api/routes", "/console/api/systems", "/console/api/queues",
            "/console/api/dead-letters?queue=" + DLQ, "/console/api/trace/X", "/console/api/indicators",
            "/console/api/audit");
    /** Every operator action, with form fields a real request would carry. */
    static final List<String[]> ACTIONS = List.of(
            new String[] {"/console/routes/payments-reconcile-with-gateways/stop"},
            new String[] {"/console/routes/payments-reconcile-with-gateways/start"},
            new String[] {"/console/dead-letters/replay", "queue", DLQ, "messageId", "ID:none"},
            new String[] {"/console/dead-letters/replay-matching", "queue", DLQ, "reason", "HTTP"},
            new String[] {"/console/dead-letters/discard", "queue", DLQ, "messageId", "ID:none"});

    ConsoleSession session() {
        return new ConsoleSession(hub.baseUrl());
    }

    ConsoleSession signedIn(String user, String password) {
        ConsoleSession session = session();
        var answer = session.login(user, password);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/console");
        return session;
    }

    @Test
    void noPageAnswersWithoutLoginButRedirectsToTheLoginPage() {
        ConsoleSession anonymous = session();
        for (String page : PAGES) {
            var answer = anonymous.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/console/login");
        }
        assertThat(anonymous.get("/console/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/console/assets/console.css").status()).isEqualTo(200);
    }

    @Test
    void noConsoleApiAnswersWithoutLogin() {
        ConsoleSession anonymous = session();
        for (String api : APIS) {
            assertThat(anonymous.get(api).status()).as(api).isEqualTo(401);
        }
    }

    @Test
    void noActionIsTakenWithoutLoginEvenWithAValidCsrfToken() {
        ConsoleSession anonymous = session();
        for (String[] action : ACTIONS) {
            var answer = anonymous.post(action[0], rest(action));
            assertThat(answer.status()).as(action[0]).isEqualTo(302);
            assertThat(answer.location()).endsWith("/console/login");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        ConsoleSession session = session();
        var answer = session.login("operator", "not-the-password");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/console/login?error");
        assertThat(session.get("/console/routes").status()).isEqualTo(302);
    }

    @Test
    void aViewerSeesEveryPageAndApiButNoActionButton() {
        ConsoleSession viewer = signedIn("viewer", "demo-viewer-pass");
        for (String page : PAGES.subList(1, PAGES.size())) {
            assertThat(viewer.get(page).status()).as(page).isEqualTo(200);
        }
        for (String api : APIS) {
            assertThat(viewer.get(api).status()).as(api).isIn(200, 404);
        }
        String routes = viewer.get("/console/routes").body();
        assertThat(routes).contains("dossier-delivery-to-onestop").doesNotContain("/stop\"");
    }

    @Test
    void aViewerCannotStopStartReplayOrDiscard() {
        ConsoleSession viewer = signedIn("viewer", "demo-viewer-pass");
        for (String[] action : ACTIONS) {
            assertThat(viewer.post(action[0], rest(action)).status()).as(action[0]).isEqualTo(403);
        }
        assertThat(viewer.get("/console/api/routes").body())
                .contains("\"id\":\"payments-reconcile-with-gateways\",\"source\"")
                .doesNotContain("\"changedBy\":\"viewer\"");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedEvenForAnOperator() {
        ConsoleSession operator = signedIn("operator", "demo-operator-pass");
        for (String[] action : ACTIONS) {
            assertThat(operator.postWithoutToken(action[0], rest(action)).status()).as(action[0]).isEqualTo(403);
        }
        assertThat(operator.postWithoutToken("/console/routes/payments-reconcile-with-gateways/stop",
                "_csrf", "forged").status()).isEqualTo(403);
    }

    @Test
    void aForgedCsrfTokenOfTheRightLengthIsRefusedWith403() {
        ConsoleSession operator = signedIn("operator", "demo-operator-pass");
        String real = operator.csrfToken();
        String[] forgeries = {"A".repeat(real.length()), "*".repeat(real.length()),
                new StringBuilder(real).reverse().toString(), real.substring(0, real.length() - 1) + "="};
        for (String forged : forgeries) {
            assertThat(operator.postWithoutToken("/console/routes/payments-reconcile-with-gateways/stop",
                    "_csrf", forged).status()).as(forged).isEqualTo(403);
        }
    }

    @Test
    void aTamperedSessionCookieIsNoSession() {
        ConsoleSession viewer = signedIn("viewer", "demo-viewer-pass");
        HttpCookie cookie = viewer.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SignedCookieSessions.COOKIE)).findFirst().orElseThrow();
        // the same signature over another user and role
        String[] parts = cookie.getValue().split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("operator\nROLE_OPERATOR\n" + (System.currentTimeMillis() / 1000 + 3600)).getBytes());
        HttpCookie tampered = new HttpCookie(SignedCookieSessions.COOKIE, forged + "." + parts[1]);
        tampered.setPath("/console");
        ConsoleSession attacker = session();
        attacker.cookies().getCookieStore().add(URI.create(hub.baseUrl() + "/console"), tampered);
        assertThat(attacker.get("/console/routes").status()).isEqualTo(302);
        assertThat(attacker.get("/console/api/routes").status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession viewer = signedIn("viewer", "demo-viewer-pass");
        var out = viewer.post("/console/logout");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/console/login?logout");
        assertThat(viewer.get("/console/routes").status()).isEqualTo(302);
    }

    @Test
    void anOperatorStopsAndStartsARouteAndTheAuditSaysWhoDidIt() {
        ConsoleSession operator = signedIn("operator", "demo-operator-pass");
        String route = "payments-reconcile-with-gateways";

        assertThat(operator.post("/console/routes/" + route + "/stop").location()).endsWith("/console/routes?done=stop");
        assertThat(operator.get("/console/api/routes").body())
                .contains("\"id\":\"" + route + "\",\"source\":\"timer://payments-reconcile\",\"state\":\"STOPPED\"");
        assertThat(operator.post("/console/routes/" + route + "/start").location()).endsWith("?done=start");

        assertThat(operator.get("/console/api/routes").body()).contains("\"id\":\"" + route + "\"")
                .contains("\"state\":\"STARTED\",\"desiredState\":\"STARTED\",\"changedBy\":\"operator\"");
        String audit = operator.get("/console/audit").body();
        assertThat(audit).contains("Dừng tuyến").contains("Chạy tuyến").contains(route).contains(">operator<");
        // times as the province reads them: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(java.time.LocalDate.now(vn.lgsp.hub.trail.DossierTrail.ZONE));
        assertThat(audit).containsPattern(java.util.regex.Pattern.quote(today) + " \\d{2}:\\d{2}<");
    }

    @Test
    void anOperatorDiscardsADeadLetterAndItIsAuditedAndTraced() {
        onestop.injectFaults(new Faults(1.0, 400, null, null, null));
        String code = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("DISCARD")))
                .json().get("dossierCode").asText();
        ConsoleSession operator = signedIn("operator", "demo-operator-pass");
        eventually().until(() -> operator.get("/console/api/dead-letters?queue=" + DLQ).body().contains(code));
        String letters = operator.get("/console/api/dead-letters?queue=" + DLQ).body();
        String messageId = ConsoleBrowserProofIT.messageIdOf(letters, code);

        var answer = operator.post("/console/dead-letters/discard", "queue", DLQ, "messageId", messageId);

        assertThat(answer.location()).contains("done=discarded").contains("count=1");
        // (a later message of the same dossier may be dead-lettered too, e.g. a re-verified update)
        assertThat(operator.get("/console/api/dead-letters?queue=" + DLQ).body()).doesNotContain(messageId);
        assertThat(operator.get("/console/api/audit").body()).contains("\"operator\":\"operator\",\"action\":\"DLQ_DISCARD\"")
                .contains(messageId);
        assertThat(operator.get("/console/api/trace/" + code).body()).contains("DEAD_LETTER_DISCARDED");
        assertThat(operator.post("/console/dead-letters/discard", "queue", DLQ, "messageId", messageId).location())
                .contains("count=0");
    }

    @Test
    void aConsolePageExplainsWhatItCannotDoInTheUsersLanguage() {
        ConsoleSession operator = signedIn("operator", "demo-operator-pass");
        var notADeadLetterQueue = operator.get("/console/dead-letters?queue=lgsp.onestop.dossier");
        assertThat(notADeadLetterQueue.status()).isEqualTo(404);
        assertThat(notADeadLetterQueue.body()).contains("id=\"error-code\"").contains("Không có tuyến, hàng đợi");
        assertThat(operator.post("/console/routes/no-such-route/stop").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi"})
    void theConsoleSpeaksVietnameseByDefaultAndEnglishOnRequest(String language) {
        ConsoleSession viewer = signedIn("viewer", "demo-viewer-pass");
        assertThat(viewer.get("/console/routes").body()).contains("Tuyến tích hợp");
        String page = viewer.get("/console/routes?lang=" + language).body();
        assertThat(page).contains(language.equals("en") ? "Routes (Camel)" : "Tuyến tích hợp (Camel routes)");
        // remembered in a cookie, so the next page (on any node) speaks the same language
        assertThat(viewer.get("/console/systems").body())
                .contains(language.equals("en") ? "Connected systems" : "Hệ thống kết nối");
    }

    private static String[] rest(String[] action) {
        String[] fields = new String[action.length - 1];
        System.arraycopy(action, 1, fields, 0, fields.length);
        return fields;
    }
}
