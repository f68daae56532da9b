package vn.lgsp.hub.documents;

/** A package the hub refuses to read: malformed, hostile (DTD, entities, deep nesting), oversized or invalid. */
public class EdxmlRejected extends RuntimeException {
    public EdxmlRejected(String reason) {
        super(reason);
    }

    public EdxmlRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
