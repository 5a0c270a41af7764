package org.harmony.dsar.breach.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.harmony.dsar.breach.NewBreach;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.kernel.process.SubmittedValues;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * The DPO's Tasklist start form of BreachNotificationProcess ({@code forms/RecordBreachForm.form}) read as a
 * {@link NewBreach}: the same facts and checks as {@code POST /api/breaches}, except people named one by one (their
 * addresses never become process variables; the API takes them). Also the options of its sources and categories,
 * which Tasklist loads with the DPO's login ({@code GET /api/breaches/choices}, script {@code dsar-tasklist.js}).
 */
@Component
public class BreachStartForm {

    private final Validator validator;
    private final DataSourceCatalogue catalogue;

    BreachStartForm(Validator validator, DataSourceCatalogue catalogue) {
        this.validator = validator;
        this.catalogue = catalogue;
    }

    /** The breach the form describes; {@code now} when no detection time was given. */
    NewBreach read(Function<String, Object> values, Instant now) {
        String detectedAt = SubmittedValues.text(values, BreachVariables.DETECTED_AT);
        return new NewBreach(SubmittedValues.text(values, BreachVariables.BREACH_DESCRIPTION),
                detectedAt == null ? now : OffsetDateTime.parse(detectedAt).toInstant(), null,
                FormJson.strings(BreachVariables.AFFECTED_SOURCES.submittedIn(values)),
                FormJson.strings(BreachVariables.AFFECTED_CATEGORIES.submittedIn(values)), List.of(),
                SubmittedValues.text(values, BreachVariables.CONSEQUENCES),
                SubmittedValues.text(values, BreachVariables.MEASURES),
                SubmittedValues.text(values, BreachVariables.SUBJECT_ACTIONS),
                SubmittedValues.text(values, BreachVariables.CONTACT),
                FormJson.strings(BreachVariables.BREACH_JURISDICTIONS.submittedIn(values)).stream()
                        .map(code -> Jurisdiction.fromCode(code).orElseThrow(
                                () -> new IllegalArgumentException("Unknown jurisdiction " + code)))
                        .toList());
    }

    /** Why the form cannot record a breach; empty when it can. */
    Optional<String> refusal(Function<String, Object> values, Instant now) {
        NewBreach breach;
        try {
            breach = read(values, now);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.of("The breach cannot be recorded: " + e.getMessage() + ".");
        }
        TreeSet<String> problems = new TreeSet<>();
        for (ConstraintViolation<NewBreach> violation : validator.validate(breach)) {
            problems.add(violation.getPropertyPath() + " " + violation.getMessage());
        }
        if (breach.sources().isEmpty() && breach.categories().isEmpty()) {
            problems.add("name the affected sources or data categories");
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("The breach cannot be recorded: " + String.join("; ", problems) + ".");
    }

    /** The options of the form's sources and categories. */
    public Map<String, List<Map<String, String>>> choices() {
        return Map.of("sourceChoices", sourceChoices(), "categoryChoices", categoryChoices());
    }

    /** The catalogue's sources as options: label the title, value the name. */
    List<Map<String, String>> sourceChoices() {
        return catalogue.sources().stream().map(source -> Map.of("label", source.title(), "value", source.name()))
                .toList();
    }

    /** The data categories any catalogue source holds. */
    List<Map<String, String>> categoryChoices() {
        TreeSet<String> categories = new TreeSet<>();
        catalogue.sources().forEach(source -> categories.addAll(source.categories()));
        return categories.stream().map(category -> Map.of("label", category, "value", category)).toList();
    }
}
