package org.harmony.dsar.deadline.process;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.RequestType;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The deadline rules as the decision tables in {@code processes/} state them: ResponseDeadline (how long, how
 * counted) and DeadlineExtension (whether, and by how much, a deadline may be extended). Java holds no figure.
 * A table's inputs and outputs are named by the process variables they come from or go to.
 */
@Component
public class DeadlineRules {

    private static final String RESPONSE_DEADLINE = "ResponseDeadline";
    private static final String DEADLINE_EXTENSION = "DeadlineExtension";
    /** The DeadlineExtension output that the process keeps as {@code extensionRefusal}. */
    private static final String REFUSAL = "refusal";

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
        VariableMap inputs = Variables.createVariables();
        DsarVariables.JURISDICTION.into(inputs, jurisdiction);
        DsarVariables.REQUEST_TYPE.into(inputs, requestType);
        DmnDecisionResultEntries result = single(RESPONSE_DEADLINE, inputs);
        return new ResponseRule((String) entry(result, DsarVariables.RESPONSE_PERIOD.name()),
                DeadlineCounting.valueOf((String) entry(result, DsarVariables.DEADLINE_COUNTING.name())),
                (String) entry(result, DsarVariables.ACKNOWLEDGEMENT_PERIOD.name()));
    }

    public ExtensionRule extension(String jurisdiction, int extensionsGranted, boolean beforeOriginalDeadline) {
        VariableMap inputs = Variables.createVariables();
        DsarVariables.JURISDICTION.into(inputs, jurisdiction);
        DeadlineExtensionVariables.EXTENSIONS_GRANTED.into(inputs, extensionsGranted);
        DeadlineExtensionVariables.BEFORE_ORIGINAL_DEADLINE.into(inputs, beforeOriginalDeadline);
        DmnDecisionResultEntries result = single(DEADLINE_EXTENSION, inputs);
        boolean allowed = Boolean.TRUE.equals(entry(result, DeadlineExtensionVariables.EXTENSION_ALLOWED.name()));
        return new ExtensionRule(allowed, (String) entry(result, DeadlineExtensionVariables.EXTENSION_PERIOD.name()),
                (String) entry(result, REFUSAL));
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
