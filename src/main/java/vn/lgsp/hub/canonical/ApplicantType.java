package vn.lgsp.hub.canonical;

/** Kind of applicant; the code is DVCQG's LoaiDoiTuong. */
public enum ApplicantType {
    CITIZEN(1),
    BUSINESS(2);

    private final int code;

    ApplicantType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
