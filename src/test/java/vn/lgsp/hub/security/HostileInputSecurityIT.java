package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.sectors.CivilStatusSimulator;
import vn.lgsp.hub.simulators.sectors.LandSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * Hostile input on every kind of public endpoint — JSON (intake, status, documents, registry lookups), SOAP/XML
 * (the civil-status intake) and edXML (packages from the document axis) — one row per input: what it is, the
 * answer it must get, and after each row the proof that nothing was stored (row counts of the dossier, status,
 * document and payment tables) or forwarded (the one-stop, sector and document-axis simulators received nothing),
 * that the answer reflects no input (no file contents, no markup, no stack trace), and that the hub is healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputSecurityIT extends SecurityIntegrationTest {

    static final String INTAKE = "/api/v1/dossiers";
    static final String SOAP = "/services/sector/civil/dossier";
    static final String JSON = "application/json";
    static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** Whatever an answer says, it never carries any of these. */
    static final List<String> NEVER_IN_AN_ANSWER = List.of("root:x:0:0", "<script", "Exception", "at vn.lgsp",
            "at org.", "lolololo", "DROP TABLE");

    @Autowired
    CivilStatusSimulator civil;

    @Autowired
    LandSimulator land;

    @Autowired
    DocAxisSimulator axis;

    /** A dossier of the one-stop system, for the document requests. */
    private String onestopDossier;

    /** One hostile input: its name, how it is sent, the status and error code it must get. */
    record Case(String name, Supplier<Answer> send, int status, String code) {
    }

    @BeforeAll
    void aDossierForTheDocumentRequests() {
        Answer accepted = hub.postJson(INTAKE, ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("HOSTILE")));
        onestopDossier = accepted.json().get("dossierCode").asText();
        eventually().until(() -> civil.receivedLog().get(onestopDossier) != null);
    }

    @Test
    void everyHostileInputGetsItsAnswerAndNothingIsStoredOrForwarded() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(jsonCases());
        cases.addAll(documentRequestCases());
        cases.addAll(soapCases());
        cases.addAll(protocolCases());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(Case::name).distinct().count()).isEqualTo(cases.size());

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            resetSimulators();
            var before = storedState();
            Answer answer = c.send().get();
            String why = check(c, answer, before);
            if (why != null) {
                failures.add(c.name() + ": " + why);
            }
        }
        assertThat(failures).as("cases that did not get their answer").isEmpty();
    }

    private String check(Case c, Answer answer, Map<String, Long> before) {
        if (answer.status() != c.status()) {
            return "status " + answer.status() + " instead of " + c.status() + ": " + clip(answer.body());
        }
        if (c.code() != null && !answer.body().contains(c.code())) {
            return "no " + c.code() + " in " + clip(answer.body());
        }
        for (String never : NEVER_IN_AN_ANSWER) {
            if (answer.body().contains(never)) {
                return "the answer contains '" + never + "': " + clip(answer.body());
            }
        }
        if (!storedState().equals(before)) {
            return "something was stored: " + before + " -> " + storedState();
        }
        // (the dossier made for the document requests may still have its progress reported; it is not a case's)
        if (Stream.of(onestop.receivedLog(), civil.receivedLog(), land.receivedLog())
                .flatMap(log -> log.items().stream()).anyMatch(item -> !item.key().startsWith(onestopDossier))) {
            return "something was forwarded";
        }
        if (hub.get("/actuator/health", null).status() != 200) {
            return "the hub is not healthy afterwards";
        }
        return null;
    }

    private void resetSimulators() {
        onestop.clearReceived();
        civil.clearReceived();
        land.clearReceived();
    }

    // ---------------------------------------------------------------- JSON (REST intake, status, registries)

    private List<Case> jsonCases() {
        String valid = Dossiers.citizen(Dossiers.newRef("EVIL"));
        String status = "/api/v1/dossiers/" + onestopDossier + "/status";
        return List.of(
                json("J01 not JSON at all", "this is not JSON", 400, "MALFORMED_REQUEST"),
                json("J02 truncated JSON", "{\"procedureCode\": ", 400, "MALFORMED_REQUEST"),
                json("J03 duplicate key", valid.replace("\"sourceRef\"", "\"sourceRef\":\"x\",\"sourceRef\""), 400,
                        "MALFORMED_REQUEST"),
                json("J04 duplicate nested key", valid.replace("\"personalId\"", "\"personalId\":\"1\",\"personalId\""),
                        400, "MALFORMED_REQUEST"),
                json("J05 arrays nested 100 000 deep", "[".repeat(100_000) + "]".repeat(100_000), 400,
                        "MALFORMED_REQUEST"),
                json("J06 objects nested 10 000 deep in a known field", valid.replace("\"summary\":",
                        "\"summary\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + ",\"x\":"), 400, null),
                json("J07 number of 1 000 digits", valid.replace("\"amount\":8000", "\"amount\":1" + "0".repeat(1000)),
                        400, null),
                json("J08 number beyond a long", valid.replace("\"amount\":8000", "\"amount\":99999999999999999999"),
                        400, null),
                json("J09 fraction for an integer amount", valid.replace("\"amount\":8000", "\"amount\":8000.5"), 400,
                        "VALIDATION_FAILED"),
                json("J10 string for a number", valid.replace("\"amount\":8000", "\"amount\":\"8000\""), 400,
                        "VALIDATION_FAILED"),
                json("J11 NaN literal", valid.replace("\"amount\":8000", "\"amount\":NaN"), 400, "MALFORMED_REQUEST"),
                jsonBytes("J12 invalid UTF-8 bytes in a string", replace(valid, "Nguyễn", new byte[] {(byte) 0xC3, 0x28}),
                        400, "MALFORMED_REQUEST"),
                jsonBytes("J13 overlong UTF-8 encoding of '/'", replace(valid, "Nguyễn", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                        400, "MALFORMED_REQUEST"),
                json("J14 escaped NUL in a name", valid.replace("Nguyễn Thị Hoà", "Nguyễn\\u0000Thị Hoà"), 400,
                        "VALIDATION_FAILED"),
                jsonBytes("J15 raw NUL byte in a string", replace(valid, "Nguyễn", new byte[] {'N', 0, 'g'}), 400,
                        "MALFORMED_REQUEST"),
                json("J16 SQL injection in the procedure code", valid.replace("1.001193", "1.001193' OR '1'='1"), 400,
                        "VALIDATION_FAILED"),
                json("J17 SQL injection in the personal ID", valid.replace("002190012345", "0'; DROP TABLE dossier; --"),
                        400, "VALIDATION_FAILED"),
                json("J18 SQL injection in the dossier code", valid.replace("\"sourceRef\"",
                        "\"dossierCode\":\"x' UNION SELECT * FROM access_refusal --\",\"sourceRef\""), 400,
                        "VALIDATION_FAILED"),
                json("J19 script in the agency code", valid.replace("H15.50.05.13", "<script>alert(1)</script>"), 400,
                        "VALIDATION_FAILED"),
                json("J20 script as a field name", valid.replace("\"summary\"", "\"<script>alert(1)</script>\""), 400,
                        "VALIDATION_FAILED"),
                json("J21 CR LF in a field name", valid.replace("\"summary\"", "\"a\\r\\nSet-Cookie: x=1\""), 400,
                        "VALIDATION_FAILED"),
                json("J22 unknown field", valid.replace("\"summary\"", "\"isAdmin\":true,\"summary\""), 400,
                        "VALIDATION_FAILED"),
                json("J23 empty body", "", 400, "MALFORMED_REQUEST"),
                json("J24 JSON null", "null", 400, "MALFORMED_REQUEST"),
                new Case("J25 text/plain content type", () -> hub.postBytes(INTAKE, LAND_KEY, "text/plain",
                        valid.getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("J26 XML sent to the JSON intake", () -> hub.postBytes(INTAKE, LAND_KEY, "application/xml",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8)),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("J27 body of 50 MB", () -> hub.postBytes(INTAKE, LAND_KEY, JSON, fifty()), 413,
                        "PAYLOAD_TOO_LARGE"),
                json("J28 dossier of another system", valid.replace("\"sourceRef\"",
                        "\"sourceSystem\":\"onestop\",\"sourceRef\""), 403, "FORBIDDEN"),
                json("J29 a verification block claimed by the caller with a bad ID", valid.replace("002190012345",
                        "00219001234X"), 400, "VALIDATION_FAILED"),
                new Case("J30 Idempotency-Key of 200 characters", () -> hub.postJson(INTAKE, LAND_KEY, valid,
                        "Idempotency-Key", "k".repeat(200)), 400, "MALFORMED_REQUEST"),
                new Case("J31 status as an SQL expression", () -> hub.postJson(status, ONESTOP_KEY,
                        "{\"status\":\"4 OR 1=1\",\"at\":\"2026-11-23T10:00:00+07:00\"}"), 400, "VALIDATION_FAILED"),
                new Case("J32 status at the end of time", () -> hub.postJson(status, ONESTOP_KEY,
                        "{\"status\":4,\"at\":\"+999999999-12-31T23:59:59Z\"}"), 400, null),
                new Case("J33 status 11", () -> hub.postJson(status, ONESTOP_KEY,
                        "{\"status\":11,\"at\":\"2026-11-23T10:00:00+07:00\"}"), 400, "VALIDATION_FAILED"),
                new Case("J34 SQL injection in a personal ID lookup", () -> lookup("/api/v1/citizens/1'%20OR%20'1'='1"),
                        400, null),
                new Case("J35 path traversal in a personal ID lookup", () -> lookup("/api/v1/citizens/..%2F..%2Fetc%2Fpasswd"),
                        400, null),
                new Case("J36 path traversal to a result document", () -> hub.get("/api/v1/dossiers/" + onestopDossier
                        + "/results/..%2F..%2F..%2Fetc/1", ONESTOP_KEY), 400, null),
                new Case("J37 dot segments in a dossier code", () -> hub.get("/api/v1/dossiers/..;/admin/audit",
                        ONESTOP_KEY), 400, null));
    }

    private Case json(String name, String body, int status, String code) {
        return new Case(name, () -> hub.postBytes(INTAKE, LAND_KEY, JSON, body.getBytes(StandardCharsets.UTF_8)), status,
                code);
    }

    private Case jsonBytes(String name, byte[] body, int status, String code) {
        return new Case(name, () -> hub.postBytes(INTAKE, LAND_KEY, JSON, body), status, code);
    }

    private Answer lookup(String path) {
        return hub.exchange("GET", path, ONESTOP_KEY, null, null, "X-Dossier-Code", "H15.50.05.13-261123-0001",
                "X-Officer-Id", "cb-01");
    }

    // ---------------------------------------------------------------- edXML out: document requests

    private List<Case> documentRequestCases() {
        return List.of(
                document("D01 path traversal in an attachment name", "{\"name\":\"../../etc/passwd\",\"contentType\":"
                        + "\"application/pdf\",\"base64\":\"JVBERi0=\"}"),
                document("D02 Windows path traversal in an attachment name", "{\"name\":\"..\\\\..\\\\boot.ini\","
                        + "\"contentType\":\"application/pdf\",\"base64\":\"JVBERi0=\"}"),
                document("D03 attachment named '..'", "{\"name\":\"..\",\"contentType\":\"application/pdf\","
                        + "\"base64\":\"JVBERi0=\"}"),
                document("D04 NUL in an attachment name", "{\"name\":\"qd.pdf\\u0000.exe\",\"contentType\":"
                        + "\"application/pdf\",\"base64\":\"JVBERi0=\"}"),
                document("D05 attachment URL on the local file system", "{\"name\":\"qd.pdf\",\"contentType\":"
                        + "\"application/pdf\",\"url\":\"file:///etc/passwd\"}"),
                document("D06 attachment URL of another scheme", "{\"name\":\"qd.pdf\",\"contentType\":"
                        + "\"application/pdf\",\"url\":\"jar:file:///tmp/x.jar!/a\"}"));
    }

    private Case document(String name, String attachment) {
        String body = "{\"recipients\":[{\"organId\":\"000.00.00.H22\",\"name\":\"UBND tỉnh\"}],\"subject\":\"Xin ý kiến\","
                + "\"attachments\":[" + attachment + "]}";
        return new Case(name, () -> hub.postJson("/api/v1/dossiers/" + onestopDossier + "/documents", ONESTOP_KEY, body),
                400, "VALIDATION_FAILED");
    }

    // ---------------------------------------------------------------- SOAP/XML: the civil-status intake

    private List<Case> soapCases() {
        String valid = envelope(Dossiers.newRef("EVIL-HT"));
        String body = valid.substring(valid.indexOf("<soapenv:Envelope"));
        return List.of(
                soap("S01 XXE: external entity reading a file", "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope "
                        + "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + body.replace("Nguyễn Thị Hoà", "&xxe;")),
                soap("S02 billion laughs", billionLaughs() + body.replace("Nguyễn Thị Hoà", "&lol9;")),
                soap("S03 external DTD", "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope SYSTEM \"" + hub.baseUrl()
                        + "/sim/docaxis/files/generated?bytes=10\">" + body),
                soap("S04 parameter entity", "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY % p SYSTEM "
                        + "\"file:///etc/passwd\"> %p;]>" + body),
                soap("S05 XInclude of a file", body.replace("<hs:HoVaTen>Nguyễn Thị Hoà</hs:HoVaTen>",
                        "<hs:HoVaTen><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\""
                                + " parse=\"text\"/></hs:HoVaTen>")),
                soap("S06 not XML", "this is not XML"),
                soapBytes("S07 invalid UTF-8", replace(body, "Nguyễn", new byte[] {(byte) 0xC3, 0x28})),
                soap("S08 elements nested 50 000 deep", body.replace("<hs:TrichYeu>",
                        "<hs:TrichYeu>" + "<a>".repeat(50_000) + "</a>".repeat(50_000))),
                soap("S09 required element missing (schema)", body.replaceAll("<hs:MaTTHC>[^<]*</hs:MaTTHC>", "")),
                soap("S10 SQL injection in the procedure code", body.replace("<hs:MaTTHC>1.001193",
                        "<hs:MaTTHC>1.001193' OR '1'='1")),
                soap("S11 script in the personal ID", body.replace("002190012345", "&lt;script&gt;alert(1)&lt;/script&gt;")),
                soap("S12 empty body", ""),
                new Case("S13 SOAP 1.2 envelope on the SOAP 1.1 port", () -> hub.exchange("POST", SOAP, CIVIL_KEY,
                        "text/xml; charset=UTF-8", body.replace("http://schemas.xmlsoap.org/soap/envelope/",
                                "http://www.w3.org/2003/05/soap-envelope").getBytes(StandardCharsets.UTF_8)), 500,
                        "soap:VersionMismatch"),
                soap("S14 an unknown operation", body.replace("GuiHoSo", "XoaHoSo")),
                soap("S15 processing instruction and comment smuggling a DTD", "<?xml version=\"1.0\"?><?evil x?>"
                        + "<!--x--><!DOCTYPE a [<!ENTITY e \"e\">]>" + body),
                new Case("S16 body of 50 MB", () -> hub.postBytes(SOAP, CIVIL_KEY, "text/xml; charset=UTF-8", fifty()), 413,
                        "PAYLOAD_TOO_LARGE"));
    }

    private Case soap(String name, String envelope) {
        return soapBytes(name, envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** A SOAP fault, never success; the HTTP status of a fault is 500 (SOAP 1.1) and its faultcode soap:Client. */
    private Case soapBytes(String name, byte[] envelope) {
        return new Case(name, () -> hub.exchange("POST", SOAP, CIVIL_KEY, "text/xml; charset=UTF-8", envelope,
                "SOAPAction", "\"\""), 500, "soap:Client");
    }

    static String envelope(String sourceRef) {
        try {
            String fixture = Files.readString(Path.of("mappings/sector-civil/fixtures/dossier.soap-to-canonical.input.xml"),
                    StandardCharsets.UTF_8);
            String body = fixture.substring(fixture.indexOf("?>") + 2).replace("HT-2026-000123", sourceRef);
            return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                    + body + "</soapenv:Body></soapenv:Envelope>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        return dtd.append("]>").toString();
    }

    // ---------------------------------------------------------------- the HTTP protocol itself

    private List<Case> protocolCases() {
        return List.of(
                new Case("H01 header injection: bare CR in a header value", () -> raw("POST " + INTAKE + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nX-Api-Key: " + LAND_KEY + "\rSet-Cookie: evil=1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), 400, null),
                // A folded line stays part of the header before it: the key becomes invalid, no header is injected.
                new Case("H02 header injection: obsolete line folding", () -> raw("POST " + INTAKE + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nX-Api-Key: " + LAND_KEY + "\r\n X-Injected: 1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), 401,
                        "UNAUTHENTICATED"),
                new Case("H03 request smuggling: Content-Length and chunked together", () -> raw("POST " + INTAKE
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + LAND_KEY + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"), 400, null));
    }

    /** Sends bytes as they are, for what an HTTP client library refuses to send. */
    private Answer raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(hub.baseUrl().substring(hub.baseUrl().lastIndexOf(':') + 1)))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- Camel and internal headers smuggled in

    /** Headers that would steer a route, an HTTP endpoint or a queue if they reached Camel. */
    private String[] smuggled() {
        return new String[] {"CamelHttpUri", hub.baseUrl() + "/sim/sector-land/api/v1/ho-so", "CamelHttpMethod", "DELETE",
                "CamelJmsDestinationName", "lgsp.sector.sector-land", "hubTarget", "sector-land", "JMSXGroupID", "evil",
                "CamelXsltResourceUri", "file:///etc/passwd", "org.apache.camel.Test", "x"};
    }

    @Test
    void camelAndInternalHeadersSmuggledIntoARestRequestAreStrippedAndSteerNothing() {
        resetSimulators();
        Answer accepted = hub.postJson(INTAKE, LAND_KEY, Dossiers.citizen(Dossiers.newRef("SMUGGLE")), smuggled());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String code = accepted.json().get("dossierCode").asText();
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(land.receivedLog().items()).as("not steered to the land system").isEmpty();
    }

    @Test
    void camelAndInternalHeadersSmuggledIntoASoapRequestAreStrippedAndSteerNothing() {
        resetSimulators();
        Answer accepted = hub.exchange("POST", SOAP, CIVIL_KEY, "text/xml; charset=UTF-8",
                envelope(Dossiers.newRef("SMUGGLE-HT")).getBytes(StandardCharsets.UTF_8), smuggled());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String code = accepted.body().replaceAll("(?s).*<hs:MaHoSo>([^<]+)</hs:MaHoSo>.*", "$1");
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(land.receivedLog().items()).as("not steered to the land system").isEmpty();
        assertThat(civil.receivedLog().items()).isEmpty();
    }

    // ---------------------------------------------------------------- edXML in: packages from the document axis

    @Test
    void everyHostileEdxmlPackageIsRefusedWithItsReasonAndNothingIsApplied() {
        Map<String, String> expected = new LinkedHashMap<>();
        String envelope = "<edXMLEnvelope xmlns=\"" + EDXML_NS + "\"><edXMLHeader>%s</edXMLHeader></edXMLEnvelope>";
        long changes = count("dossier_status_change");
        long dossiers = count("dossier");
        expected.put("E01 XXE", inject("<?xml version=\"1.0\"?><!DOCTYPE edXMLEnvelope [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>" + envelope.formatted("&xxe;")));
        expected.put("E02 billion laughs", inject(billionLaughs().replace("soapenv:Envelope", "edXMLEnvelope")
                + envelope.formatted("&lol9;")));
        expected.put("E03 external DTD", inject("<?xml version=\"1.0\"?><!DOCTYPE edXMLEnvelope SYSTEM \""
                + hub.baseUrl() + "/sim/docaxis/files/generated?bytes=10\">" + envelope.formatted("")));
        expected.put("E04 parameter entity", inject("<?xml version=\"1.0\"?><!DOCTYPE edXMLEnvelope [<!ENTITY % p "
                + "SYSTEM \"file:///etc/passwd\"> %p;]>" + envelope.formatted("")));
        expected.put("E05 nested 10 000 deep", inject(envelope.formatted("<a>".repeat(10_000) + "</a>".repeat(10_000))));
        expected.put("E06 not XML", inject("PK\u0003\u0004 this is a zip, not edXML"));
        expected.put("E07 invalid UTF-8", injectBytes(replace(envelope.formatted("Nguyễn"), "Nguyễn",
                new byte[] {(byte) 0xC3, 0x28})));
        expected.put("E08 XInclude", inject(envelope.formatted("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                + "href=\"file:///etc/passwd\" parse=\"text\"/>")));

        eventually().until(() -> expected.values().stream().allMatch(id -> "fail".equals(acknowledged(id))));
        String deadLetters = hub.get("/api/v1/admin/documents/dead-letters", ADMIN_KEY).body();
        expected.forEach((name, docId) -> assertThat(deadLetters).as(name).contains(docId));
        assertThat(deadLetters).doesNotContain("root:x:0:0").doesNotContain("lolololo");
        assertThat(count("dossier_status_change")).isEqualTo(changes);
        assertThat(count("dossier")).isEqualTo(dossiers);
        assertThat(hub.get("/actuator/health", null).status()).isEqualTo(200);
    }

    private String acknowledged(String docId) {
        Object d = axis.deliveries().get(docId);
        return d == null ? "" : String.valueOf(((Map<?, ?>) d).get("acknowledged"));
    }

    private String inject(String xml) {
        return injectBytes(xml.getBytes(StandardCharsets.UTF_8));
    }

    private String injectBytes(byte[] bytes) {
        return hub.postBytes("/sim/docaxis/inject", null, "application/xml", bytes).json().get("docId").asText();
    }

    // ---------------------------------------------------------------- helpers

    static byte[] fifty() {
        byte[] body = new byte[50 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        return body;
    }

    static byte[] replace(String text, String target, byte[] replacement) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] find = target.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= bytes.length - find.length; i++) {
            if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                byte[] out = new byte[bytes.length - find.length + replacement.length];
                System.arraycopy(bytes, 0, out, 0, i);
                System.arraycopy(replacement, 0, out, i, replacement.length);
                System.arraycopy(bytes, i + find.length, out, i + replacement.length, bytes.length - i - find.length);
                return out;
            }
        }
        throw new IllegalArgumentException(target + " not found");
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
