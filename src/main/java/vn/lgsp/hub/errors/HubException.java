package vn.lgsp.hub.errors;

import java.util.List;

/**
 * A coded failure. The detail is written for the caller and never echoes raw input; field errors name the
 * JSON path of each invalid field.
 */
public class HubException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<FieldError> fieldErrors;

    public HubException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public HubException(ErrorCode code, String detail, Throwable cause) {
        this(code, detail, List.of(), cause);
    }

    public HubException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        this(code, detail, fieldErrors, null);
    }

    private HubException(ErrorCode code, String detail, List<FieldError> fieldErrors, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
