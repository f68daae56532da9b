package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.security.HostileInputSecurityIT.billionLaughs;
import static vn.lgsp.hub.security.HostileInputSecurityIT.envelope;
import static vn.lgsp.hub.security.HostileInputSecurityIT.fifty;
import static vn.lgsp.hub.security.HostileInputSecurityIT.replace;

import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;
import vn.lgsp.hub.console.ConsoleSession;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * One started hub, every entry point fed malformed, oversized, injected, replayed and forged input, one row per
 * input with the answer it must get: REST intake, SOAP intake, edXML packages from the document axis, payment
 * callbacks, registry lookups, the operations console and the token endpoint. Never a 500 (a SOAP 1.1 fault aside,
 * whose status the protocol fixes), never a trace of the input in the answer. After the sweep: the hub is healthy,
 * nothing a refused request carried was stored (dossiers, trail, status changes, document requests, payments), and a
 * valid dossier sent afterwards reaches the one-stop system. The payment and console rows each need a state first
 * (a payment under way and paid once; a console user locked out), made by the rows before them.
 */
class HostileInputProofIT extends SecurityIntegrationTest {

    private static final String INTAKE = HostileInputSecurityIT.INTAKE;
    private static final String SOAP = HostileInputSecurityIT.SOAP;
    private static final String JSON = HostileInputSecurityIT.JSON;
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The console's session cookie (console.SignedCookieSessions). */
    private static final String CONSOLE_COOKIE = "LGSP_CONSOLE";
    private static final String EDXML_NS = HostileInputSecurityIT.EDXML_NS;
    private static final List<String> NEVER_IN_AN_ANSWER = HostileInputSecurityIT.NEVER_IN_AN_ANSWER;

    @Autowired
    BankGatewayProperties bank;

    @Autowired
    DocAxisSimulator axis;

    /** One hostile input: how it is sent, the status it must get, a text its answer must carry (code, Location). */
    record Case(String name, Supplier<Answer> send, int status, String expected) {
    }

    @Test
    void everyEntryPointRefusesHostileInputPreciselyStoresNothingAndTheHubKeepsDelivering() {
        // What the payment rows act on: a dossier of the one-stop system with a bank payment under way.
        String held = accepted(ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("PROOF-HELD")));
        String tx = startBankPayment(held);
        Map<String, Long> before = guarded(held);

        List<Case> cases = new ArrayList<>();
        cases.addAll(restIntake());
        cases.addAll(soapIntake());
        cases.addAll(paymentCallbacks(tx));
        cases.addAll(registryLookups(held));
        cases.addAll(console());
        cases.addAll(tokenEndpoint());
        assertThat(cases.stream().map(Case::name).distinct().count()).isEqualTo(cases.size());

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Answer answer = c.send().get();
            String why = check(c, answer);
            if (why != null) {
                failures.add(c.name() + ": " + why);
            }
        }
        int packages = hostileEdxmlPackagesAreDeadLettered(failures);
        System.out.printf("HostileInputProofIT: %d requests and %d edXML packages refused%n", cases.size(), packages);
        assertThat(failures).as("cases that did not get their answer").isEmpty();

        assertThat(hub.get("/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(guarded(held)).as("rows a refused request could have written").isEqualTo(before);
        String valid = accepted(LAND_KEY, Dossiers.citizen(Dossiers.newRef("PROOF-AFTER")));
        eventually().until(() -> deliveredTo(valid, "onestop"));
    }

    private String check(Case c, Answer answer) {
        if (answer.status() != c.status()) {
            return "status " + answer.status() + " instead of " + c.status() + ": " + clip(answer.body());
        }
        String location = answer.header("Location");
        if (c.expected() != null && !answer.body().contains(c.expected())
                && (location == null || !location.contains(c.expected()))) {
            return "no " + c.expected() + " in " + clip(answer.body());
        }
        for (String never : NEVER_IN_AN_ANSWER) {
            if (answer.body().contains(never)) {
                return "the answer contains '" + never + "': " + clip(answer.body());
            }
        }
        return null;
    }

    /** Rows of every table a refused request could write to; the dossier of the payment rows may add to its trail. */
    private Map<String, Long> guarded(String held) {
        Map<String, Long> rows = new TreeMap<>(storedState());
        rows.put("dossier_event", jdbc.sql("SELECT COUNT(*) FROM dossier_event WHERE dossier_code <> ?").param(held)
                .query(Long.class).single());
        rows.put("dossier_status_change", jdbc.sql("SELECT COUNT(*) FROM dossier_status_change WHERE dossier_code <> ?")
                .param(held).query(Long.class).single());
        return rows;
    }

    // ---------------------------------------------------------------- REST intake

    private List<Case> restIntake() {
        String valid = Dossiers.citizen(Dossiers.newRef("PROOF-EVIL"));
        return List.of(
                intake("R01 bad JSON", "{\"procedureCode\": \"1.001193\",,}", 400, "MALFORMED_REQUEST"),
                intake("R02 objects nested 100 000 deep", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), 400,
                        "MALFORMED_REQUEST"),
                intake("R03 a name of 1 MB", valid.replace("Nguyễn Thị Hoà", "A".repeat(1_000_000)), 400,
                        "VALIDATION_FAILED"),
                intake("R04 a summary of 5 MB", valid.replace("\"summary\":\"", "\"summary\":\"" + "x".repeat(5_000_000)),
                        400, "VALIDATION_FAILED"),
                new Case("R05 wrong content type", () -> hub.postBytes(INTAKE, LAND_KEY, "application/x-www-form-urlencoded",
                        valid.getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE"),
                intake("R06 a JSON string for the dossier", "\"" + "x".repeat(1000) + "\"", 400, null),
                new Case("R07 invalid UTF-8", () -> hub.postBytes(INTAKE, LAND_KEY, JSON,
                        replace(valid, "Hoà", new byte[] {(byte) 0xE0, (byte) 0x80})), 400, "MALFORMED_REQUEST"),
                intake("R08 SQL injection in the agency code", valid.replace("H15.50.05.13",
                        "H15.50.05.13'); DELETE FROM dossier; --"), 400, "VALIDATION_FAILED"),
                intake("R09 script in the procedure code", valid.replace("1.001193",
                        "<script>alert(document.cookie)</script>"), 400, "VALIDATION_FAILED"),
                intake("R10 forged source system", valid.replace("\"sourceRef\"", "\"sourceSystem\":\"sector-civil\","
                        + "\"sourceRef\""), 403, "FORBIDDEN"),
                new Case("R11 no API key", () -> hub.postJson(INTAKE, null, valid), 401, "UNAUTHENTICATED"),
                new Case("R12 forged API key", () -> hub.postJson(INTAKE, "demo-sector-land-key-forged", valid), 401,
                        "UNAUTHENTICATED"),
                intake("R13 an array for the dossier", "[" + valid + "]", 400, null),
                new Case("R14 body of 50 MB", () -> hub.postBytes(INTAKE, LAND_KEY, JSON, fifty()), 413,
                        "PAYLOAD_TOO_LARGE"));
    }

    private Case intake(String name, String body, int status, String code) {
        return new Case(name, () -> hub.postBytes(INTAKE, LAND_KEY, JSON, body.getBytes(StandardCharsets.UTF_8)),
                status, code);
    }

    // ---------------------------------------------------------------- SOAP intake

    private List<Case> soapIntake() {
        String full = envelope(Dossiers.newRef("PROOF-HT"));
        String body = full.substring(full.indexOf("<soapenv:Envelope"));
        return List.of(
                soap("S01 malformed XML", body.substring(0, body.length() / 2)),
                soap("S02 XXE reading a file", "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY x SYSTEM "
                        + "\"file:///etc/passwd\">]>" + body.replace("Nguyễn Thị Hoà", "&x;")),
                soap("S03 entity expansion", billionLaughs() + body.replace("Nguyễn Thị Hoà", "&lol9;")),
                soap("S04 a SOAP fault as the request", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/"
                        + "soap/envelope/\"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode>"
                        + "<faultstring>injected</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"),
                soap("S06 a text of 5 MB", body.replace("Nguyễn Thị Hoà", "A".repeat(5_000_000))),
                soap("S07 SQL injection in the personal ID", body.replace("002190012345", "1' OR '1'='1")),
                new Case("S08 no credentials", () -> hub.exchange("POST", SOAP, null, "text/xml; charset=UTF-8",
                        body.getBytes(StandardCharsets.UTF_8), "SOAPAction", "\"\""), 401, null),
                new Case("S09 body of 50 MB", () -> hub.postBytes(SOAP, CIVIL_KEY, "text/xml; charset=UTF-8", fifty()),
                        413, "PAYLOAD_TOO_LARGE"),
                // A valid first Body with something after it that CXF would never read: refused whole, nothing stored.
                smuggled("S10 a second Body", body.replace("</soapenv:Body>", "</soapenv:Body><soapenv:Body/>")),
                smuggled("S11 a second Header", body.replace("<soapenv:Body>",
                        "<soapenv:Header/><soapenv:Header/><soapenv:Body>")),
                smuggled("S12 an element after the Body", body.replace("</soapenv:Body>",
                        "</soapenv:Body><x:Extra xmlns:x=\"urn:x\">1</x:Extra>")),
                smuggled("S13 content after the Envelope", body + body.replace("Nguyễn Thị Hoà", "Smuggled")));
    }

    /** A SOAP 1.1 fault: the protocol answers faults with 500 and the fault code says whose fault it was. */
    private Case soap(String name, String envelope) {
        return soap(name, envelope, "soap:Client");
    }

    /** An envelope that is not one optional Header and exactly one Body: the hub's Client fault, with its code. */
    private Case smuggled(String name, String envelope) {
        return soap(name, envelope, "<faultcode>soap:Client</faultcode><faultstring>SOAP_ENVELOPE_INVALID");
    }

    private Case soap(String name, String envelope, String expected) {
        return new Case(name, () -> hub.exchange("POST", SOAP, CIVIL_KEY, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8), "SOAPAction", "\"\""), 500, expected);
    }

    // ---------------------------------------------------------------- edXML in: the document axis

    /** Hostile packages put on the document axis: each acknowledged as failed and dead-lettered with its reason. */
    private int hostileEdxmlPackagesAreDeadLettered(List<String> failures) {
        String envelope = "<edXMLEnvelope xmlns=\"" + EDXML_NS + "\"><edXMLHeader>%s</edXMLHeader></edXMLEnvelope>";
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("E01 XXE", inject("<?xml version=\"1.0\"?><!DOCTYPE edXMLEnvelope [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>" + envelope.formatted("&x;")));
        packages.put("E02 entity expansion", inject(billionLaughs().replace("soapenv:Envelope", "edXMLEnvelope")
                + envelope.formatted("&lol9;")));
        packages.put("E03 a header of 5 MB", inject(envelope.formatted("x".repeat(5_000_000))));
        packages.put("E04 truncated", inject(envelope.formatted("").substring(0, 60)));
        packages.put("E05 status for a dossier the hub never sent", inject(envelope.formatted(
                "<From><OrganId>000.00.00.H22</OrganId></From><Code><CodeNumber>1</CodeNumber></Code>")));
        eventually().until(() -> packages.values().stream().allMatch(id -> "fail".equals(acknowledged(id))));
        String deadLetters = hub.get("/api/v1/admin/documents/dead-letters", ADMIN_KEY).body();
        packages.forEach((name, id) -> {
            if (!deadLetters.contains(id)) {
                failures.add(name + ": not among the document dead letters");
            }
        });
        if (deadLetters.contains("root:x:0:0") || deadLetters.contains("lolololo")) {
            failures.add("E: a dead letter carries what an entity would have read");
        }
        return packages.size();
    }

    private String inject(String xml) {
        return hub.postBytes("/sim/docaxis/inject", null, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                .json().get("docId").asText();
    }

    private String acknowledged(String docId) {
        Object d = axis.deliveries().get(docId);
        return d == null ? "" : String.valueOf(((Map<?, ?>) d).get("acknowledged"));
    }

    // ---------------------------------------------------------------- payment callbacks

    private String startBankPayment(String dossier) {
        Answer started = hub.postJson("/api/v1/dossiers/" + dossier + "/payments", ONESTOP_KEY, """
            {"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"Nguyễn Thị Hoà",
             "returnUrl":"https://dvc.example.vn/thanh-toan/ket-qua","gateway":"bank"}""");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String url = started.json().get("paymentUrl").asText();
        assertThat(hub.get(url.substring(hub.baseUrl().length()), null).status()).isEqualTo(200);
        return started.json().get("transactionId").asText();
    }

    /** The bank's notification of a payment of {@code tx}, signed with {@code secret}. */
    private Answer bankNotification(String tx, long amount, String secret) {
        Map<String, String> ipn = new TreeMap<>(Map.of("vnp_Amount", String.valueOf(amount * 100),
                "vnp_ResponseCode", "00", "vnp_TmnCode", bank.tmnCode(), "vnp_TransactionNo", "4711",
                "vnp_TransactionStatus", "00", "vnp_TxnRef", tx));
        String query = PaymentSignatures.bankSignedData(ipn);
        return hub.get("/api/v1/payments/callbacks/bank?" + query + "&vnp_SecureHash="
                + PaymentSignatures.hmacSha512(secret, query), null);
    }

    /** The gateways' own protocols: every notification is answered 200, the verdict is the gateway's code. */
    private List<Case> paymentCallbacks(String tx) {
        String national = "/api/v1/payments/callbacks/payment";
        return List.of(
                new Case("P01 bank: forged signature", () -> bankNotification(tx, 8000, "guessed-secret"), 200,
                        "\"RspCode\":\"97\""),
                new Case("P02 bank: tampered amount, signed", () -> bankNotification(tx, 80, bank.hashSecret()), 200,
                        "\"RspCode\":\"04\""),
                new Case("P03 bank: the real notification (this row pays)", () -> bankNotification(tx, 8000,
                        bank.hashSecret()), 200, "\"RspCode\":\"00\""),
                new Case("P04 bank: the same notification replayed", () -> bankNotification(tx, 8000,
                        bank.hashSecret()), 200, "\"RspCode\":\"02\""),
                new Case("P05 bank: an order the hub never made", () -> bankNotification("PAY-NEVER-MADE", 8000,
                        bank.hashSecret()), 200, "\"RspCode\":\"01\""),
                new Case("P06 bank: no signature", () -> hub.get("/api/v1/payments/callbacks/bank?vnp_TxnRef=" + tx
                        + "&vnp_Amount=800000", null), 200, "\"RspCode\":\"97\""),
                new Case("P07 national platform: forged checksum", () -> hub.postJson(national, null, """
                    {"client_id":"H15-LGSP","transaction_id":"%s","trans_amount":8000,"status":"0","check_sum":"00"}"""
                        .formatted(tx)), 200, "\"error_code\":-1"),
                new Case("P08 national platform: bad JSON", () -> hub.postJson(national, null, "{\"client_id\":"), 200,
                        "\"error_code\":-1"));
    }

    // ---------------------------------------------------------------- registry lookups

    private List<Case> registryLookups(String held) {
        String citizen = "/api/v1/citizens/002190012345";
        return List.of(
                new Case("L01 no purpose headers", () -> hub.get(citizen, ONESTOP_KEY), 400, "X-Dossier-Code"),
                new Case("L02 an officer without a dossier", () -> lookup(citizen, ONESTOP_KEY, null, "cb-01"), 400,
                        "X-Dossier-Code"),
                new Case("L03 a dossier another system holds", () -> lookup(citizen, LAND_KEY, held, "cb-01"), 403,
                        "FORBIDDEN"),
                new Case("L04 a dossier that does not exist", () -> lookup(citizen, ONESTOP_KEY,
                        "H15.50.05.13-991231-9999", "cb-01"), 404, null),
                new Case("L05 a forged dossier code", () -> lookup(citizen, ONESTOP_KEY, "x' OR '1'='1", "cb-01"), 400,
                        null),
                new Case("L06 an officer id of 10 000 characters", () -> lookup(citizen, ONESTOP_KEY, held,
                        "o".repeat(10_000)), 400, null),
                new Case("L07 enterprise: a dossier another system holds", () -> lookup("/api/v1/enterprises/0100233488",
                        LAND_KEY, held, "cb-01"), 403, "FORBIDDEN"));
    }

    private Answer lookup(String path, String key, String dossier, String officer) {
        List<String> headers = new ArrayList<>();
        if (dossier != null) {
            headers.addAll(List.of("X-Dossier-Code", dossier));
        }
        headers.addAll(List.of("X-Officer-Id", officer));
        return hub.exchange("GET", path, key, null, null, headers.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- operations console

    private List<Case> console() {
        ConsoleSession browser = new ConsoleSession(hub.baseUrl());
        List<Case> cases = new ArrayList<>(List.of(
                new Case("C01 login without the CSRF token", () -> page(browser.postWithoutToken("/console/login",
                        "username", "operator", "password", "x")), 403, null),
                new Case("C02 login with a forged CSRF token", () -> page(browser.postWithoutToken("/console/login",
                        "username", "operator", "password", "x", "_csrf", "A".repeat(browser.csrfToken().length()))),
                        403, null),
                new Case("C03 a forged session cookie", () -> page(withCookie("lgsp.console.forged." + "A".repeat(43))
                        .get("/console/api/routes")), 401, null),
                new Case("C04 a session cookie of 8 KB", () -> page(withCookie("x".repeat(8_000))
                        .get("/console/api/routes")), 401, null),
                new Case("C05 an action without a session", () -> page(browser.post("/console/dead-letters/replay",
                        "queue", "lgsp.broker.DLQ", "messageId", "ID:none")), 302, "/console/login")));
        // Throttling: after the permitted failures even the right password is refused.
        for (int i = 1; i <= 5; i++) {
            cases.add(new Case("C06." + i + " wrong password", () -> page(new ConsoleSession(hub.baseUrl())
                    .login("viewer", "guess")), 302, "/console/login?error"));
        }
        cases.add(new Case("C07 the right password once locked out", () -> page(new ConsoleSession(hub.baseUrl())
                .login("viewer", "demo-viewer-pass")), 302, "/console/login?locked"));
        return cases;
    }

    private ConsoleSession withCookie(String value) {
        ConsoleSession session = new ConsoleSession(hub.baseUrl());
        session.cookies().getCookieStore().add(URI.create(hub.baseUrl() + "/console"),
                new HttpCookie(CONSOLE_COOKIE, value));
        return session;
    }

    private static Answer page(ConsoleSession.Page page) {
        return new Answer(page.status(), page.body() == null ? "" : page.body(),
                page.location() == null ? Map.of() : Map.of("Location", List.of(page.location())));
    }

    // ---------------------------------------------------------------- token endpoint

    private List<Case> tokenEndpoint() {
        return List.of(
                new Case("T01 wrong client secret", () -> token("sector-land", "guessed", "grant_type=client_credentials"),
                        401, "invalid_client"),
                new Case("T02 unknown client", () -> token("nobody", "x", "grant_type=client_credentials"), 401,
                        "invalid_client"),
                new Case("T03 password grant", () -> token("sector-land", "demo-sector-land-secret",
                        "grant_type=password&username=a&password=b"), 400, "unsupported_grant_type"),
                new Case("T04 no grant type", () -> token("sector-land", "demo-sector-land-secret", "scope=kpi"), 400,
                        "invalid_request"),
                new Case("T05 a service never granted", () -> token("sector-land", "demo-sector-land-secret",
                        "grant_type=client_credentials&scope=payments"), 400, "invalid_scope"),
                // RFC 6749 §3.2: unknown parameters are ignored; the token is for the hub's audience all the same.
                new Case("T06 another audience asked for", () -> token("sector-land", "demo-sector-land-secret",
                        "grant_type=client_credentials&audience=https://evil.example"), 200, "\"token_type\":\"Bearer\""),
                new Case("T07 JSON instead of a form", () -> hub.exchange("POST", "/oauth2/token", null, JSON,
                        "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8)), 415, null),
                new Case("T08 a bearer token with a forged signature", () -> hub.exchange("GET", "/api/v1/kpi/sync",
                        null, null, null, "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJodWItYWRtaW4ifQ."
                                + "c2lnbmF0dXJl"), 401, "UNAUTHENTICATED"));
    }

    private Answer token(String client, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return hub.exchange("POST", "/oauth2/token", null, FORM, form.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Basic " + basic);
    }

    // ---------------------------------------------------------------- helpers

    private String accepted(String key, String dossier) {
        Answer answer = hub.postJson(INTAKE, key, dossier);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
