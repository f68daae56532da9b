package vn.lgsp.hub.errors;

import java.net.URI;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/** Builds RFC 7807 problem details with the hub's code, the correlation id and any field errors. */
public final class Problems {

    public static final String CORRELATION_ID = "correlationId";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code, detail, List.of());
    }

    public static ProblemDetail of(ErrorCode code, String detail, List<FieldError> errors) {
        // A detail may quote a piece of the input (a field name, a code): never let it carry control or markup characters.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), SafeText.printable(detail));
        problem.setType(URI.create(code.type()));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        String correlationId = MDC.get(CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(e -> new FieldError(SafeText.printable(e.field()),
                    SafeText.printable(e.message()))).toList());
        }
        return problem;
    }

    public static ProblemDetail of(HubException e) {
        return of(e.code(), e.getMessage(), e.fieldErrors());
    }
}
