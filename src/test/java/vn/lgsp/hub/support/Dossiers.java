package vn.lgsp.hub.support;

import java.util.UUID;

/** Canonical dossier JSON for tests, with realistic Vietnamese content. */
public final class Dossiers {

    private static final String[] DOCUMENTS = {
        "Tờ khai đăng ký khai sinh có xác nhận của Ủy ban nhân dân xã Minh Tân, huyện Vị Xuyên",
        "Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
        "Hợp đồng chuyển nhượng quyền sử dụng đất đã được công chứng tại Văn phòng công chứng Hà Giang",
        "Sơ đồ thửa đất, trích lục bản đồ địa chính do Văn phòng đăng ký đất đai cấp tỉnh lập",
        "Giấy ủy quyền nộp hồ sơ và nhận kết quả thủ tục hành chính của ông Nguyễn Văn Hùng"};

    /** At most this many documents per dossier (the canonical model's limit). */
    private static final int MAX_DOCUMENTS = 200;
    /** Bytes of one document entry with a one-title name, about. */
    private static final int ENTRY_BYTES = 233;

    private Dossiers() {
    }

    /** A unique source reference, so tests sharing a hub do not see each other's dossiers as duplicates. */
    public static String newRef(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String citizen(String sourceRef) {
        return citizen(sourceRef, "1.001193");
    }

    /**
     * A citizen's dossier for the given procedure: the one-stop system's dossiers are routed to a sector system by
     * it (1.004227 land, 1.001193 civil status), or stay with it when no rule names one; other callers' dossiers go
     * to the one-stop system whatever it is.
     */
    public static String citizen(String sourceRef, String procedureCode) {
        return """
            {"procedureCode":"%s","procedureName":"Đăng ký khai sinh","agencyCode":"H15.50.05.13",
             "sourceRef":"%s",
             "applicant":{"type":"CITIZEN","personalId":"002190012345","fullName":"Nguyễn Thị Hoà",
                          "birthDate":"1990-05-12","address":"Số 12 Trần Phú, phường Minh Khai, tỉnh Hà Giang",
                          "phone":"0912345678"},
             "summary":"Đăng ký khai sinh cho con: Trần Minh Đức","channel":"ONLINE",
             "dueAt":"2026-12-01T17:00:00+07:00",
             "documents":[{"code":"TP01","name":"Giấy chứng sinh","url":"https://dvc.example.vn/f/1.pdf","digitized":true}],
             "fees":[{"code":"LP01","name":"Lệ phí đăng ký khai sinh","amount":8000}]}
            """.formatted(procedureCode, sourceRef);
    }

    public static String business(String sourceRef, String enterpriseCode) {
        return """
            {"procedureCode":"2.001610","procedureName":"Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
             "agencyCode":"000.00.00.H22","sourceRef":"%s",
             "applicant":{"type":"BUSINESS","enterpriseCode":"%s","fullName":"Công ty TNHH Chè Shan Tuyết Hà Giang"},
             "channel":"IN_PERSON"}
            """.formatted(sourceRef, enterpriseCode);
    }

    /**
     * A dossier of about that size with realistic Vietnamese content. A dossier holds at most 200 documents, so a
     * large one has longer document descriptions (several titles each, within the 500 characters a name may have)
     * rather than more documents. Its source reference is also its dossier code.
     */
    public static String ofSize(String sourceRef, int kilobytes) {
        StringBuilder documents = new StringBuilder();
        int target = kilobytes * 1024;
        int i = 0;
        String head = """
            {"dossierCode":"%s","procedureCode":"1.004227","procedureName":"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
             "agencyCode":"H15.50.05.13","sourceRef":"%s",
             "applicant":{"type":"CITIZEN","personalId":"002190012345","fullName":"Nguyễn Thị Hoà","birthDate":"1990-05-12",
                          "address":"Số 12 đường Trần Phú, phường Minh Khai, tỉnh Hà Giang","phone":"0912345678"},
             "summary":"Đăng ký biến động do chuyển nhượng quyền sử dụng đất tại thửa số 215, tờ bản đồ số 12, xã Đạo Đức",
             "channel":"ONLINE","dueAt":"2026-12-15T17:00:00+07:00",
             "fees":[{"code":"LP01","name":"Lệ phí cấp Giấy chứng nhận","amount":100000}],
             "documents":[""".formatted(sourceRef, sourceRef);
        int size = head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 3;
        int titles = Math.max(1, (int) Math.ceil((double) target / (MAX_DOCUMENTS * ENTRY_BYTES)));
        while (size < target - 150 && i < MAX_DOCUMENTS) {
            String doc = "%s{\"code\":\"TP%03d\",\"name\":\"%s\",\"url\":\"https://dvc.hagiang.gov.vn/files/%s/%d.pdf\",\"digitized\":true}"
                    .formatted(i == 0 ? "" : ",", i, name(i, titles), sourceRef, i);
            documents.append(doc);
            size += doc.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            i++;
        }
        return head + documents + "]}";
    }

    private static String name(int document, int titles) {
        StringBuilder name = new StringBuilder(DOCUMENTS[document % DOCUMENTS.length]);
        for (int t = 1; t < titles; t++) {
            name.append("; kèm theo: ").append(DOCUMENTS[(document + t) % DOCUMENTS.length]);
        }
        return name.toString();
    }
}
