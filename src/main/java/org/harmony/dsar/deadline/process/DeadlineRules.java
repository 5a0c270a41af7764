package org.harmony.dsar.deadline.process;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * The deadline rules as the decision tables in {@code processes/} state them: ResponseDeadline (how long, how
 * counted) and DeadlineExtension (whether, and by how much, a deadline may be extended). Java holds no figure.
 */
@Component
public class DeadlineRules {

    private final DecisionService decisions;

    public DeadlineRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * @param responsePeriod        ISO-8601 period such as P1M or P45D
     * @param counting              how the period is counted
     * @param acknowledgementPeriod business days within which receipt must be acknowledged (ISO, P10D), or null
     */
    public record ResponseRule(String responsePeriod, DeadlineCounting counting, String acknowledgementPeriod) {
    }

    /** @param refusal why not, as a code for the audit trail and the officer; null when allowed */
    public record ExtensionRule(boolean allowed, String extensionPeriod, String refusal) {
    }

    public ResponseRule responseDeadline(String jurisdiction, RequestType requestType) {
        DmnDecisionResultEntries result = single("ResponseDeadline", Map.of(
                "jurisdiction", jurisdiction, "requestType", requestType.name()));
        return new ResponseRule((String) entry(result, "responsePeriod"),
                DeadlineCounting.valueOf((String) entry(result, "deadlineCounting")),
                (String) entry(result, "acknowledgementPeriod"));
    }

    public ExtensionRule extension(String jurisdiction, int extensionsGranted, boolean beforeOriginalDeadline) {
        DmnDecisionResultEntries result = single("DeadlineExtension", Map.of(
                "jurisdiction", jurisdiction, "extensionsGranted", extensionsGranted,
                "beforeOriginalDeadline", beforeOriginalDeadline));
        return new ExtensionRule(Boolean.TRUE.equals(entry(result, "extensionAllowed")),
                (String) entry(result, "extensionPeriod"), (String) entry(result, "refusal"));
    }

    /** An output's value; an empty cell in the table gives no entry at all, read here as null. */
    private static Object entry(DmnDecisionResultEntries result, String output) {
        return result.getEntryMap().get(output);
    }

    private DmnDecisionResultEntries single(String decisionKey, Map<String, Object> inputs) {
        var result = decisions.evaluateDecisionByKey(decisionKey)
                .variables(Variables.fromMap(inputs))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision " + decisionKey + " has no rule for " + inputs.keySet()
                    + " = " + inputs.values());
        }
        return result.getSingleResult();
    }
}
