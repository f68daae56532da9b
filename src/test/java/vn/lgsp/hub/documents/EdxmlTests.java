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
class EdxmlTests {

    @TempDir
    Path temp;

    private final EdxmlSchema schema = new EdxmlSchema("file:mappings");

    @Test
    void documentWithVietnameseTextAndAnAttachmentRoundTrips() throws Exception {
        byte[] attachment = "Tờ trình số 12/TTr-UBND: đề nghị phê duyệt".getBytes(StandardCharsets.UTF_8);
        Edxml.Document document = new Edxml.Document(new Edxml.Organ("000.00.00.H22", "UBND tỉnh Hà Giang"),
                List.of(new Edxml.Organ("H15.50.05.13", "Sở Tư pháp"), new Edxml.Organ("000.00.01.H22", null)),
                "12", "TTr-UBND", "Hà Giang", LocalDate.of(2026, 11, 23), 1, "Công văn",
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
