package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Asks the ResponseDeadline decision table how long the request may take and how that period is counted. */
@Component
class DetermineDeadlineDelegate implements JavaDelegate {

    private final DeadlineRules rules;

    DetermineDeadlineDelegate(DeadlineRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineRules.ResponseRule rule = rules.responseDeadline(
                DsarVariables.JURISDICTION.from(execution), DsarVariables.REQUEST_TYPE.from(execution));
        DsarVariables.RESPONSE_PERIOD.on(execution, rule.responsePeriod());
        DsarVariables.DEADLINE_COUNTING.on(execution, rule.counting());
        DsarVariables.ACKNOWLEDGEMENT_PERIOD.on(execution, rule.acknowledgementPeriod());
    }
}
