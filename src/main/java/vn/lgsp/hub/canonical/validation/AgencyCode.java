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

/** Checked by {@link Identifiers#isAgencyCode}; null is valid (combine with NotNull where required). */
@Documented
@Constraint(validatedBy = AgencyCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AgencyCode {

    String message() default "must be an agency code such as H15.50.05.13 or 000.00.00.H22";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Bean-validation adapter of the check. */
    class Validator implements ConstraintValidator<AgencyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Identifiers.isAgencyCode(value);
        }
    }
}
