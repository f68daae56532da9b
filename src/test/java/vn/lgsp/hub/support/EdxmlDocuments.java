package vn.lgsp.hub.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.documents.Edxml;
import vn.lgsp.hub.documents.EdxmlWriter;

/** edXML packages as other agencies send them to the hub, to inject at the document-axis simulator. */
public final class EdxmlDocuments {

    private EdxmlDocuments() {
    }

    /** A document of a district people's committee to the province, written as QCVN 102:2016 writes it. */
    public static byte[] newDocument(String documentId, byte[] attachment) {
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(new Edxml.Document(new Edxml.Organ("000.00.00.H10", "UBND huyện Đồng Văn"),
                List.of(new Edxml.Organ("000.00.00.H22", "UBND tỉnh Hà Giang")), "55", "UBND-VP", "Đồng Văn",
                LocalDate.of(2026, 12, 4), 1, "Công văn", 0, "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ",
                "Kính gửi UBND tỉnh.", "Hoàng Văn Sơn", null, null, documentId,
                OffsetDateTime.parse("2026-12-04T08:30:00+07:00"),
                List.of(new Edxml.OutgoingAttachment("công-văn-55.pdf", "application/pdf",
                        () -> new ByteArrayInputStream(attachment)))), out);
        return out.toByteArray();
    }
}
