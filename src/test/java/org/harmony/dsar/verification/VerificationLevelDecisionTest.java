package org.harmony.dsar.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tests for VerificationLevel.dmn and DeadlineClock.dmn, deployed to a real engine. */
@Deployment(resources = {"processes/VerificationLevel.dmn", "processes/DeadlineClock.dmn"})
class VerificationLevelDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    @ParameterizedTest(name = "{0} {1} by {2} -> {3} data points, declaration {4}, email {5}, review {6}, categories fallback {7}")
    @CsvSource({
            "EU,    ACCESS,          SUBJECT, 0, false, true,  false, 0",
            "EU,    ERASURE,         SUBJECT, 0, false, true,  false, 0",
            "UK,    ACCESS,          SUBJECT, 0, false, true,  false, 0",
            "BR,    PORTABILITY,     SUBJECT, 0, false, true,  false, 0",
            "IN,    ACCESS,          SUBJECT, 0, false, true,  false, 0",
            "US-CA, ACCESS,          SUBJECT, 3, true,  true,  false, 2",
            "US-CA, PORTABILITY,     SUBJECT, 3, true,  true,  false, 2",
            "US-CA, ERASURE,         SUBJECT, 2, false, true,  false, 0",
            "US-CA, RECTIFICATION,   SUBJECT, 2, false, true,  false, 0",
            "US-CA, OPT_OUT_OF_SALE, SUBJECT, 0, false, false, false, 0",
            "EU,    OPT_OUT_OF_SALE, SUBJECT, 0, false, false, false, 0",
            "US-CA, LIMIT_SENSITIVE_USE, SUBJECT, 0, false, false, false, 0",
            "US-CA, LIMIT_SENSITIVE_USE, AGENT, 1, true,  true,  true, 0",
            "US-VA, ACCESS,          SUBJECT, 1, false, true,  false, 0",
            "US-CO, ERASURE,         SUBJECT, 1, false, true,  false, 0",
            "US-CA, ACCESS,          AGENT,   1, true,  true,  true, 0",
            "US-CA, OPT_OUT_OF_SALE, AGENT,   1, true,  true,  true, 0",
            "EU,    ACCESS,          PARENT,  1, true,  true,  true, 0"})
    void shouldGiveTheLevelOfAssurance(String jurisdiction, String requestType, String relationship,
            int dataPoints, boolean declaration, boolean email, boolean review, int categoriesFallback) {
        DmnDecisionResultEntries level = decisions().evaluateDecisionByKey("VerificationLevel")
                .variables(Variables.createVariables()
                        .putValue("jurisdiction", jurisdiction)
                        .putValue("requestType", requestType)
                        .putValue("subjectRelationship", relationship))
                .evaluate().getSingleResult();

        assertThat(level.getEntryMap()).isEqualTo(Map.of(
                "requiredDataPoints", dataPoints,
                "declarationRequired", declaration,
                "emailCheckRequired", email,
                "manualReview", review,
                "categoriesFallbackDataPoints", categoriesFallback));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"EU, RECEIPT, 0", "UK, VERIFICATION, 0", "US-CA, RECEIPT, 0", "US-VA, RECEIPT, 0", "US-CO, RECEIPT, 0",
            "BR, RECEIPT, 0", "IN, RECEIPT, 0"})
    void shouldStartTheClockAsTheJurisdictionSays(String jurisdiction, String clockStartsAt) {
        String result = decisions().evaluateDecisionByKey("DeadlineClock")
                .variables(Variables.createVariables().putValue("jurisdiction", jurisdiction))
                .evaluate().getSingleEntry();

        assertThat(result).isEqualTo(clockStartsAt);
    }

    @Test
    void shouldGiveNoClockRuleForAnUnknownJurisdiction() {
        assertThat(decisions().evaluateDecisionByKey("DeadlineClock")
                .variables(Variables.createVariables().putValue("jurisdiction", "XX"))
                .evaluate().getResultList()).isEmpty();
    }

    private static DecisionService decisions() {
        return extension.getProcessEngine().getDecisionService();
    }
}
