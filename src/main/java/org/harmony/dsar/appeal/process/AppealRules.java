package org.harmony.dsar.appeal.process;

import java.time.Period;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Reads the AppealPeriods decision table: whether a jurisdiction's law gives an appeal, and its periods. */
@Component
public class AppealRules {

    private static final String APPEAL_PERIODS = "AppealPeriods";
    private static final String APPEALABLE = "appealable";
    private static final String APPEAL_WINDOW = "appealWindow";
    private static final String DECISION_PERIOD = "decisionPeriod";
    private static final String DECISION_EXTENSION = "decisionExtension";
    private static final String REMINDER_BEFORE = "reminderBefore";

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
        var result = decisions.evaluateDecisionByKey(APPEAL_PERIODS)
                .variables(Variables.fromMap(Map.of(DsarVariables.JURISDICTION.name(), jurisdiction.code())))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision " + APPEAL_PERIODS + " has no rule for " + jurisdiction.code());
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        if (!Boolean.TRUE.equals(entries.getEntryMap().get(APPEALABLE))) {
            return Optional.empty();
        }
        return Optional.of(new Periods(period(entries, APPEAL_WINDOW), period(entries, DECISION_PERIOD),
                period(entries, DECISION_EXTENSION), period(entries, REMINDER_BEFORE)));
    }

    private static Period period(DmnDecisionResultEntries entries, String output) {
        return entries.getEntryMap().get(output) instanceof String text && !text.isBlank() ? Period.parse(text) : null;
    }
}
