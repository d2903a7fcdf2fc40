package org.camaudit.audit.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The annotated string must be a Java regular expression; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = Regex.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Regex {

    String message() default "is not a valid regular expression";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compiles the value; the compiler's own message points at the offending character. */
    class Validator implements ConstraintValidator<Regex, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Pattern.compile(value);
                return true;
            } catch (PatternSyntaxException e) {
                context.disableDefaultConstraintViolation();
                String reason = e.getDescription().replaceAll("[{}$\\\\]", "");
                context.buildConstraintViolationWithTemplate(
                        "is not a valid regular expression: " + reason + " near index " + e.getIndex())
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
