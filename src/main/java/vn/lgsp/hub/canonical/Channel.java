package vn.lgsp.hub.canonical;

/** How a dossier was submitted; the code is DVCQG's KenhThucHien. */
public enum Channel {
    IN_PERSON(1),
    ONLINE(2),
    POST(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
