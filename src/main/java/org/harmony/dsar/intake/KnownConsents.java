package org.harmony.dsar.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.harmony.dsar.lookup.DataSourceCatalogue;

/** Every name is a consent the data source catalogue declares ({@code consents}); none is named twice. */
@Constraint(validatedBy = KnownConsents.Validator.class)
@Documented
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface KnownConsents {

    String message() default "must name consents the company asks for, each once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring builds it, so the catalogue in force decides. */
    class Validator implements ConstraintValidator<KnownConsents, List<String>> {

        private final DataSourceCatalogue catalogue;

        Validator(DataSourceCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public boolean isValid(List<String> names, ConstraintValidatorContext context) {
            return names == null || names.stream().distinct().count() == names.size()
                    && names.stream().allMatch(name -> name != null && catalogue.consent(name).isPresent());
        }
    }
}
