package org.harmony.dsar.kernel;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;

/**
 * An address mail can be sent to from here: well-formed ({@link Email}) and with a domain that has a dot
 * ({@code a@localhost} and {@code a@intranet} are refused; they would reach this server or a local network).
 */
@Email(regexp = MailAddress.DOMAIN_WITH_DOT)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface MailAddress {

    /** Anything before the last {@code @}, then labels separated by dots, at least two. */
    String DOMAIN_WITH_DOT = ".+@[^@.\\s]+(\\.[^@.\\s]+)+";

    String message() default "must be an email address with a domain such as example.org";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
