package vn.lgsp.hub.support;

import java.util.UUID;

/** Canonical dossier JSON for tests, with realistic Vietnamese content. */
public final class Dossiers {

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
}
