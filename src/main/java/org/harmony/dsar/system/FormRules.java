package org.harmony.dsar.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The validation rules of a Camunda Form (form-js schema), enforced on the server. Tasklist checks them only in
 * the browser; a REST call would skip them. The form stays the one place a process designer edits the rules.
 * Covered: {@code validate.required, minLength, maxLength, pattern, min, max} and the allowed {@code values} of
 * radio and select fields. Disabled and read-only fields are display only and not checked.
 * A submission may carry only the fields the form lets a user fill in: the keys of its fields that are not disabled
 * (form-js, in Tasklist, submits exactly those, read-only ones included).
 */
public final class FormRules {

    private static final Set<String> INPUT_TYPES =
            Set.of("textfield", "textarea", "number", "radio", "select", "checkbox", "checklist", "datetime");

    private final String formId;
    private final List<FieldRule> fields;
    private final Set<String> submittable;

    private FormRules(String formId, List<FieldRule> fields, Set<String> submittable) {
        this.formId = formId;
        this.fields = fields;
        this.submittable = submittable;
    }

    public static FormRules parse(JsonNode form) {
        List<FieldRule> fields = new ArrayList<>();
        Set<String> submittable = new LinkedHashSet<>();
        collect(form.path("components"), fields, submittable);
        return new FormRules(form.path("id").asText("form"), List.copyOf(fields),
                Collections.unmodifiableSet(submittable));
    }

    private static void collect(JsonNode components, List<FieldRule> fields, Set<String> submittable) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields, submittable);
            }
            String type = component.path("type").asText();
            String key = component.path("key").asText(null);
            if (key != null && !component.path("disabled").asBoolean(false)) {
                submittable.add(key);
            }
            if (key == null || !INPUT_TYPES.contains(type) || component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            List<String> allowed = new ArrayList<>();
            component.path("values").forEach(value -> allowed.add(value.path("value").asText()));
            fields.add(new FieldRule(key, component.path("label").asText(key), type,
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
                    validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
                    validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
                    List.copyOf(allowed)));
        }
    }

    public String formId() {
        return formId;
    }

    /** The message refusing a submission with these violations. */
    public String refusal(List<String> violations) {
        return "The form " + formId + " cannot be submitted: " + String.join("; ", violations) + ".";
    }

    /** The keys a submission of this form may carry: its fields that are not disabled. */
    public Set<String> submittableKeys() {
        return submittable;
    }

    /** One message per submitted name that is no field a user can fill in on this form; empty when all are. */
    public List<String> unknownFields(Collection<String> names) {
        return names.stream().filter(name -> !submittable.contains(name))
                .map(name -> name + " is not a field of this form and cannot be submitted").toList();
    }

    /** What is wrong with the submitted values, one message per problem; empty when all is well. */
    public List<String> violations(Function<String, Object> values) {
        List<String> violations = new ArrayList<>();
        for (FieldRule field : fields) {
            field.check(values.apply(field.key()), violations);
        }
        return violations;
    }

    private record FieldRule(String key, String label, String type, boolean required, Integer minLength,
            Integer maxLength, String pattern, Double min, Double max, List<String> allowed) {

        void check(Object value, List<String> violations) {
            String name = label + " (" + key + ")";
            boolean empty = value == null || (value instanceof String text && text.isBlank());
            if (empty) {
                if (required) {
                    violations.add(name + " is required");
                }
                return;
            }
            if (value instanceof String text) {
                if (minLength != null && text.length() < minLength) {
                    violations.add(name + " must have at least " + minLength + " characters");
                }
                if (maxLength != null && text.length() > maxLength) {
                    violations.add(name + " must have at most " + maxLength + " characters");
                }
                if (pattern != null && !matches(pattern, text)) {
                    violations.add(name + " does not have the expected format");
                }
                if (!allowed.isEmpty() && !allowed.contains(text)) {
                    violations.add(name + " must be one of " + String.join(", ", allowed));
                }
            } else if ("number".equals(type) && value instanceof Number number) {
                if (min != null && number.doubleValue() < min) {
                    violations.add(name + " must be at least " + min);
                }
                if (max != null && number.doubleValue() > max) {
                    violations.add(name + " must be at most " + max);
                }
            } else if (!"checkbox".equals(type) && !"checklist".equals(type)) {
                violations.add(name + " has the wrong type");
            }
        }

        private static boolean matches(String pattern, String text) {
            try {
                return Pattern.compile(pattern).matcher(text).matches();
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("Form field " + pattern + " has an invalid pattern", e);
            }
        }
    }
}
