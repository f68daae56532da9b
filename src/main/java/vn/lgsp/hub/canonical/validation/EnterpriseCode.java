package vn.lgsp.hub.canonical.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Checked by {@link Identifiers#isEnterpriseCode}; null is valid (combine with NotNull where required). */
@Documented
@Constraint(validatedBy = EnterpriseCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnterpriseCode {

    String message() default "must be an enterprise code of 10 digits with a valid check digit, optionally -NNN for a branch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Bean-validation adapter of the check. */
    class Validator implements ConstraintValidator<EnterpriseCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Identifiers.isEnterpriseCode(value);
        }
    }
}
