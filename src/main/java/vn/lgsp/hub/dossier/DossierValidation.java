package vn.lgsp.hub.dossier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;

/** Bean validation of canonical messages, reported as field errors with JSON paths. */
@Component
public class DossierValidation {

    private final Validator validator;

    public DossierValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T message) {
        var violations = validator.validate(message);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            throw new HubException(ErrorCode.VALIDATION_FAILED,
                    errors.size() + " field(s) of the request are invalid", errors);
        }
        return message;
    }

    private static String field(ConstraintViolation<?> v) {
        // Cross-field checks are private isX() methods; report them as the field x.
        return v.getPropertyPath().toString().replace("<list element>", "").replace("[].", "[]");
    }
}
