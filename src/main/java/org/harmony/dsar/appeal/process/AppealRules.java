package org.harmony.dsar.appeal.process;

import java.time.Period;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.stereotype.Component;

/** Reads the AppealPeriods decision table: whether a jurisdiction's law gives an appeal, and its periods. */
@Component
public class AppealRules {

    private final DecisionService decisions;

    AppealRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * @param window         how long after the denial mail the requester can appeal
     * @param decision       how long after the appeal the reviewer must decide
     * @param extension      how much longer, once, where the law allows it; null where it does not
     * @param reminderBefore when before the due date the reviewers are reminded
     */
    public record Periods(Period window, Period decision, Period extension, Period reminderBefore) {
    }

    /** The periods of an appeal under the jurisdiction's law; empty when it gives none. */
    public Optional<Periods> periods(Jurisdiction jurisdiction) {
        var result = decisions.evaluateDecisionByKey("AppealPeriods")
                .variables(Variables.fromMap(Map.of("jurisdiction", jurisdiction.code())))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision AppealPeriods has no rule for " + jurisdiction.code());
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        if (!Boolean.TRUE.equals(entries.getEntryMap().get("appealable"))) {
            return Optional.empty();
        }
        return Optional.of(new Periods(period(entries, "appealWindow"), period(entries, "decisionPeriod"),
                period(entries, "decisionExtension"), period(entries, "reminderBefore")));
    }

    private static Period period(DmnDecisionResultEntries entries, String output) {
        return entries.getEntryMap().get(output) instanceof String text && !text.isBlank() ? Period.parse(text) : null;
    }
}
