package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.adapters.docaxis.DocAxisSignature;

/** edXML written by the hub is schema-valid and reads back field for field, Vietnamese text and bytes intact. */
class EdxmlTest {

    @TempDir
    Path temp;

    private final EdxmlSchema schema = new EdxmlSchema("file:mappings");

    @Test
    void documentWithVietnameseTextAndAnAttachmentRoundTrips() throws Exception {
        byte[] attachment = "Tờ trình số 12/TTr-UBND: đề nghị phê duyệt".getBytes(StandardCharsets.UTF_8);
        Edxml.Document document = new Edxml.Document(new Edxml.Organ("000.00.00.H22", "UBND tỉnh Hà Giang"),
                List.of(new Edxml.Organ("H15.50.05.13", "Sở Tư pháp"), new Edxml.Organ("000.00.01.H22", null)),
                "12", "TTr-UBND", "Hà Giang", LocalDate.of(2026, 11, 23), 1, "Công văn", 0,
                "Xin ý kiến về hồ sơ đăng ký khai sinh của bà Nguyễn Thị Hoà", "Đề nghị Sở Tư pháp cho ý kiến.",
                "Trần Thị Mai", LocalDate.of(2026, 12, 15), null, "LGSP-1", OffsetDateTime.parse("2026-11-23T10:00:00+07:00"),
                List.of(new Edxml.OutgoingAttachment("tờ trình.txt", "text/plain", () -> new ByteArrayInputStream(attachment))));
        Path file = temp.resolve("package.xml");
        try (var out = Files.newOutputStream(file)) {
            EdxmlWriter.writeDocument(document, out);
        }
        schema.validate(file);
        String xml = Files.readString(file);
        assertThat(xml).contains("xmlns=\"" + Edxml.NS + "\"", "<Reference><ContentId>cid:attachment-1@lgsp-hub</ContentId>");

        Edxml.Received read;
        try (var in = Files.newInputStream(file)) {
            read = new EdxmlReader(32, 1_000_000, temp).read(in);
        }
        assertThat(read.isStatus()).isFalse();
        assertThat(read.subject()).isEqualTo(document.subject());
        assertThat(read.documentId()).isEqualTo("LGSP-1");
        assertThat(read.from()).isEqualTo(document.from());
        assertThat(read.to()).containsExactlyElementsOf(document.to());
        assertThat(read.attachments()).hasSize(1);
        assertThat(read.attachments().get(0).name()).isEqualTo("tờ trình.txt");
        assertThat(Files.readAllBytes(read.attachments().get(0).file())).isEqualTo(attachment);
    }

    @Test
    void statusRoundTripsAndUnknownCodesFailTheSchema() throws Exception {
        Edxml.Status status = new Edxml.Status(new Edxml.Reference("000.00.00.H22", null, null, "LGSP-1"),
                new Edxml.Organ("H15.50.05.13", "Sở Tư pháp"), "06", "Đã hoàn thành xử lý",
                OffsetDateTime.parse("2026-11-24T09:30:00+07:00"), "Lê Văn Đức");
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeStatus(status, out);
        Path file = Files.write(temp.resolve("status.xml"), out.toByteArray());
        schema.validate(file);
        Edxml.Received read = new EdxmlReader(32, 0, temp).read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.status()).isEqualTo(status);

        Path wrong = Files.writeString(temp.resolve("wrong.xml"), out.toString(StandardCharsets.UTF_8)
                .replace("<StatusCode>06</StatusCode>", "<StatusCode>42</StatusCode>"));
        assertThatThrownBy(() -> schema.validate(wrong)).isInstanceOf(EdxmlRejected.class).hasMessageContaining("42");
    }

    @Test
    void datesAndTimesAreWrittenInTheStandardsForms() throws Exception {
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(new Edxml.Document(new Edxml.Organ("000.00.00.H22", null),
                List.of(new Edxml.Organ("H15.50.05.13", null)), "12", "TTr-UBND", "Hà Giang", LocalDate.of(2026, 1, 5),
                1, "Công văn", 0, "Ngày tháng", null, null, LocalDate.of(2026, 12, 15),
                new Edxml.Reference("H15.50.05.13", "7/QĐ-STP", LocalDate.of(2025, 12, 31), "DMS-7"), "LGSP-2",
                OffsetDateTime.parse("2026-01-05T02:04:05Z"), List.of()), out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<PromulgationDate>2026/01/05</PromulgationDate>", "<DueDate>2026/12/15</DueDate>",
                "<PromulgationDate>2025/12/31</PromulgationDate>",
                // 02:04:05 UTC is 09:04:05 in the province
                "<Timestamp>2026/01/05 09:04:05</Timestamp>");
        assertThat(xml).doesNotContain("2026-01-05", "T09:04");
        schema.validate(Files.write(temp.resolve("dates.xml"), out.toByteArray()));
    }

    @Test
    void theStandardsFormsAndIsoFormsAreBothAcceptedIn() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-24T09:30:00+07:00");
        int n = 0;
        for (String[] forms : new String[][] {
                {"2026/11/20", "2026/11/24 09:30:00"},
                {"2026-11-20", "2026-11-24T09:30:00+07:00"},
                {"2026-11-20", "2026-11-24T02:30:00Z"},
                {"2026-11-20", "2026-11-24T09:30:00"}}) {
            Path file = Files.writeString(temp.resolve("status-" + n++ + ".xml"),
                    statusPackage(forms[0], forms[1]));
            schema.validate(file);
            Edxml.Received read;
            try (var in = Files.newInputStream(file)) {
                read = new EdxmlReader(32, 0, temp).read(in);
            }
            assertThat(read.status().timestamp().toInstant()).as(forms[1]).isEqualTo(at.toInstant());
            assertThat(read.responseFor().promulgationDate()).as(forms[0]).isEqualTo(LocalDate.of(2026, 11, 20));
        }
        assertThatThrownBy(() -> new EdxmlReader(32, 0, temp).read(new ByteArrayInputStream(
                statusPackage("2026/02/30", "2026/11/24 09:30:00").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EdxmlRejected.class).hasMessageContaining("2026/02/30");
        Path garbled = Files.writeString(temp.resolve("garbled.xml"), statusPackage("20.11.2026", "2026/11/24 09:30:00"));
        assertThatThrownBy(() -> schema.validate(garbled)).isInstanceOf(EdxmlRejected.class);
    }

    /** The golden package (standard's date forms) read, written again by the hub and read again says the same. */
    @Test
    void theGoldenPackageRoundTrips() throws Exception {
        Path golden = Path.of("mappings/docaxis/fixtures/package.edxml-to-canonical.input.xml");
        schema.validate(golden);
        Edxml.Received first;
        try (var in = Files.newInputStream(golden)) {
            first = new EdxmlReader(32, 1_000_000, temp).read(in);
        }
        assertThat(first.promulgationDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(first.responseFor().promulgationDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        String[] code = first.code().split("/", 2);
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(new Edxml.Document(first.from(), first.to(), code[0], code[1], "Hà Giang",
                first.promulgationDate(), 2, "Quyết định", 0, first.subject(), null, null, null, first.responseFor(),
                first.documentId(), OffsetDateTime.parse("2026-11-25T14:30:00+07:00"),
                first.attachments().stream().map(a -> new Edxml.OutgoingAttachment(a.name(), a.contentType(),
                        () -> Files.newInputStream(a.file()))).toList()), out);
        Path again = Files.write(temp.resolve("again.xml"), out.toByteArray());
        schema.validate(again);
        assertThat(Files.readString(again)).contains("<PromulgationDate>2026/11/25</PromulgationDate>",
                "<PromulgationDate>2026/11/23</PromulgationDate>", "<Timestamp>2026/11/25 14:30:00</Timestamp>");
        Edxml.Received second;
        try (var in = Files.newInputStream(again)) {
            second = new EdxmlReader(32, 1_000_000, temp).read(in);
        }
        var firstView = new java.util.LinkedHashMap<>(EdxmlMapping.describe(first));
        var secondView = new java.util.LinkedHashMap<>(EdxmlMapping.describe(second));
        // content ids are the writer's own; everything else is the same
        firstView.remove("attachments");
        secondView.remove("attachments");
        assertThat(secondView).isEqualTo(firstView);
        assertThat(Files.readAllBytes(second.attachments().get(0).file()))
                .isEqualTo(Files.readAllBytes(first.attachments().get(0).file()));
    }

    private static String statusPackage(String promulgationDate, String timestamp) {
        return """
                <edXMLEnvelope xmlns="%s"><edXMLHeader><Status>
                <ResponseFor><OrganId>000.00.00.H22</OrganId><PromulgationDate>%s</PromulgationDate>
                <DocumentId>LGSP-1</DocumentId></ResponseFor>
                <From><OrganId>H15.50.05.13</OrganId></From><StatusCode>05</StatusCode><Timestamp>%s</Timestamp>
                </Status><TraceHeaderList><TraceHeader><OrganId>H15.50.05.13</OrganId><Timestamp>%s</Timestamp>
                </TraceHeader></TraceHeaderList></edXMLHeader></edXMLEnvelope>""".formatted(Edxml.NS, promulgationDate,
                timestamp, timestamp);
    }

    @Test
    void invalidBase64AndHugeHeaderTextAreRejected() {
        String ns = Edxml.NS;
        String badBase64 = "<edXMLEnvelope xmlns=\"" + ns + "\"><AttachmentEncoded><Attachment ContentId=\"a\" "
                + "ContentType=\"x\" AttachmentName=\"a\">!!!notbase64</Attachment></AttachmentEncoded></edXMLEnvelope>";
        assertThatThrownBy(() -> new EdxmlReader(32, 1000, temp).read(
                new ByteArrayInputStream(badBase64.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EdxmlRejected.class).hasMessageContaining("base64");
        String huge = "<edXMLEnvelope xmlns=\"" + ns + "\"><edXMLHeader><MessageHeader><Subject>" + "a".repeat(20_000)
                + "</Subject></MessageHeader></edXMLHeader></edXMLEnvelope>";
        assertThatThrownBy(() -> new EdxmlReader(32, 1000, temp).read(
                new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EdxmlRejected.class).hasMessageContaining("longer than");
    }

    @Test
    void signatureCoversTheSignedHeaders() {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("from", "000.00.00.H22");
        headers.put("to", "H15.50.05.13");
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", "edoc");
        String hash = DocAxisSignature.sign("s3cret", headers);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(DocAxisSignature.verify("s3cret", headers, hash)).isTrue();
        headers.put("to", "H15.50.05.14");
        assertThat(DocAxisSignature.verify("s3cret", headers, hash)).isFalse();
        assertThat(DocAxisSignature.verify("other", headers, DocAxisSignature.sign("s3cret", headers))).isFalse();
    }
}
