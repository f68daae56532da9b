package vn.lgsp.hub.adapters.docaxis;

/** The document axis answered other than 2xx; {@link #isPermanent()} for 4xx other than 408 and 429. */
public class DocAxisException extends RuntimeException {

    private final int status;

    public DocAxisException(String operation, int status, String body) {
        super(operation + " answered HTTP " + status + excerpt(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean isPermanent() {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return ": " + (line.length() > 300 ? line.substring(0, 300) : line);
    }
}
