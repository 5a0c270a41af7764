package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision test for ResponseDeadline.dmn, deployed to a real engine so deployment rules apply too. */
@Deployment(resources = "processes/ResponseDeadline.dmn")
class ResponseDeadlineDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    private static final String[] REQUEST_TYPES = {"ACCESS", "PORTABILITY", "ERASURE", "RECTIFICATION",
            "RESTRICTION", "OBJECTION", "WITHDRAW_CONSENT", "OPT_OUT_OF_SALE"};

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "EU, P1M",
            "UK, P1M",
            "US-CA, P45D",
            "US-VA, P45D",
            "US-CO, P45D",
            "BR, P15D",
            "IN, P90D"})
    void shouldGiveTheStatutoryPeriodForEveryRequestType(String jurisdiction, String expectedPeriod) {
        for (String requestType : REQUEST_TYPES) {
            if (jurisdiction.equals("US-CA") && requestType.equals("OPT_OUT_OF_SALE")) {
                continue;
            }
            String period = evaluate(jurisdiction, requestType).getSingleResult().getEntry("responsePeriod");
            assertThat(period).as("%s %s", jurisdiction, requestType).isEqualTo(expectedPeriod);
        }
    }

    @ParameterizedTest
    @CsvSource({"OPT_OUT_OF_SALE", "LIMIT_SENSITIVE_USE"})
    void shouldActOnCaliforniaOptOutsAndLimitsWithinFifteenBusinessDays(String requestType) {
        var result = evaluate("US-CA", requestType).getSingleResult();
        assertThat(result.getEntryMap()).containsEntry("responsePeriod", "P15D")
                .containsEntry("deadlineCounting", "BUSINESS_DAYS").doesNotContainKey("acknowledgementPeriod");
    }

    @Test
    void shouldGiveNoPeriodForAnUnknownJurisdiction() {
        assertThat(evaluate("XX", "ACCESS").getResultList()).isEmpty();
    }

    @ParameterizedTest(name = "{0} counts {1}")
    @CsvSource({
            "EU, CALENDAR_TO_WORKING_DAY,",
            "UK, CALENDAR_TO_WORKING_DAY,",
            "US-CA, CALENDAR, P10D",
            "US-VA, CALENDAR,",
            "BR, CALENDAR,"})
    void shouldSayHowThePeriodIsCountedAndWhenToAcknowledge(String jurisdiction, String counting,
            String acknowledgementPeriod) {
        var result = evaluate(jurisdiction, "ACCESS").getSingleResult();
        assertThat(result.getEntryMap().get("deadlineCounting")).isEqualTo(counting);
        assertThat(result.getEntryMap().get("acknowledgementPeriod")).isEqualTo(acknowledgementPeriod);
    }

    private static DmnDecisionResult evaluate(String jurisdiction, String requestType) {
        DecisionService decisions = extension.getProcessEngine().getDecisionService();
        return decisions.evaluateDecisionByKey("ResponseDeadline")
                .variables(Variables.createVariables()
                        .putValue("jurisdiction", jurisdiction)
                        .putValue("requestType", requestType))
                .evaluate();
    }
}
