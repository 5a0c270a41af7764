package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The server-side check of Camunda Form rules, on the project's real forms. */
class FormRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class ReviewResponseForm {

        private final FormRules rules = load("ReviewResponseForm");

        @Test
        void shouldRequireADecision() {
            assertThat(rules.violations(values(Map.of()))).singleElement().asString()
                    .contains("reviewDecision").contains("required");
        }

        @Test
        void shouldAcceptOnlyTheOfferedDecisions() {
            assertThat(rules.violations(values(Map.of("reviewDecision", "MAYBE")))).singleElement().asString()
                    .contains("must be one of APPROVE, SEND_BACK");
            assertThat(rules.violations(values(Map.of("reviewDecision", "APPROVE")))).isEmpty();
        }

        @Test
        void shouldLimitTheCommentLength() {
            assertThat(rules.violations(values(Map.of("reviewDecision", "SEND_BACK",
                    "reviewComment", "c".repeat(2001))))).singleElement().asString().contains("at most 2000");
        }

        @Test
        void shouldRefuseANumberWhereTextIsExpected() {
            assertThat(rules.violations(values(Map.of("reviewDecision", 1)))).isNotEmpty();
        }

        @Test
        void shouldIgnoreDisplayOnlyFields() {
            assertThat(rules.violations(values(Map.of("reviewDecision", "APPROVE",
                    "lookupSummary", "x".repeat(100_000))))).isEmpty();
        }
    }

    @Nested
    class SubmittableFields {

        @Test
        void shouldOfferOnlyTheFieldsAUserFillsIn() {
            assertThat(load("ReviewResponseForm").submittableKeys())
                    .containsExactlyInAnyOrder("reviewDecision", "denialReason", "feeAmount", "feeReason",
                            "transmissionDecision", "reviewComment");
        }

        @Test
        void shouldNameEveryVariableThatIsNoFieldOfTheForm() {
            assertThat(load("ReviewResponseForm").unknownFields(List.of("reviewDecision", "requestType", "dueAt")))
                    .containsExactly("requestType is not a field of this form and cannot be submitted",
                            "dueAt is not a field of this form and cannot be submitted");
        }

        @Test
        void shouldRefuseADisplayedButDisabledField() {
            assertThat(load("ReviewResponseForm").unknownFields(List.of("fulfilmentNote"))).hasSize(1);
            assertThat(load("FulfilManuallyForm").unknownFields(List.of("fulfilmentNote"))).isEmpty();
        }

        @Test
        void shouldAcceptReadOnlyFieldsAsTasklistSubmitsThem() throws IOException {
            FormRules rules = FormRules.parse(JSON.readTree("""
                    {"id": "F", "components": [
                      {"type": "textfield", "key": "shown", "readonly": true},
                      {"type": "group", "components": [{"type": "textfield", "key": "nested"}]},
                      {"type": "textfield", "key": "display", "disabled": true},
                      {"type": "text", "text": "no key"}]}"""));
            assertThat(rules.submittableKeys()).containsExactlyInAnyOrder("shown", "nested");
        }
    }

    @Test
    void shouldRequireANoteWhenFulfillingManually() {
        FormRules rules = load("FulfilManuallyForm");
        assertThat(rules.violations(values(Map.of()))).singleElement().asString().contains("fulfilmentNote");
        assertThat(rules.violations(values(Map.of("fulfilmentNote", "Erased in the CRM")))).isEmpty();
    }

    @Test
    void shouldNameTheFormWhenRefusing() {
        FormRules rules = load("ReviewResponseForm");
        assertThat(rules.refusal(List.of("A is required"))).startsWith("The form ReviewResponseForm cannot be submitted");
    }

    private static java.util.function.Function<String, Object> values(Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return copy::get;
    }

    private static FormRules load(String formId) {
        try {
            return FormRules.parse(JSON.readTree(Files.readString(Path.of("forms", formId + ".form"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
