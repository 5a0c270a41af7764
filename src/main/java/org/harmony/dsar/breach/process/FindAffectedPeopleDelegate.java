package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.breach.BreachNoticeProgress;
import org.springframework.stereotype.Component;

/** Writes everyone in the breach's sources to its recipients (in the database) and keeps the count. */
@Component
class FindAffectedPeopleDelegate implements JavaDelegate {

    private final BreachNoticeProgress breaches;

    FindAffectedPeopleDelegate(BreachNoticeProgress breaches) {
        this.breaches = breaches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BreachVariables.RECIPIENT_COUNT.on(execution,
                breaches.findAffectedPeople(BreachVariables.BREACH_ID.from(execution)));
    }
}
