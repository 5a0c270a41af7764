package org.harmony.dsar.breach.process;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.stereotype.Component;

/** The decision table {@code BreachNoticeDeadline}: the fixed notice periods of a jurisdiction's law. */
@Component
public class BreachNoticeDeadlineTable {

    private static final String DECISION = "BreachNoticeDeadline";

    private final DecisionService decisions;

    public BreachNoticeDeadlineTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * A law's periods (ISO 8601, blank when it sets none) and how each counts ({@code BUSINESS_DAYS} or calendar).
     */
    public record Periods(String subjectNoticePeriod, String subjectNoticeCounting, String authorityNoticePeriod,
            String authorityNoticeCounting) {
    }

    public Periods of(Jurisdiction jurisdiction) {
        var result = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.fromMap(Map.of("jurisdiction", jurisdiction.code())))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision " + DECISION + " has no rule for " + jurisdiction.code());
        }
        DmnDecisionResultEntries rule = result.getSingleResult();
        return new Periods((String) rule.getEntryMap().get("subjectNoticePeriod"),
                (String) rule.getEntryMap().get("subjectNoticeCounting"),
                (String) rule.getEntryMap().get("authorityNoticePeriod"),
                (String) rule.getEntryMap().get("authorityNoticeCounting"));
    }
}
