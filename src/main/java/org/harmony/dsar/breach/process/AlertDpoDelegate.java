package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.breach.BreachService;
import org.springframework.stereotype.Component;

/** Mails the DPO group the alert named in the local input {@code breachAlert}, with the breach's progress. */
@Component
class AlertDpoDelegate implements JavaDelegate {

    private final BreachService breaches;

    AlertDpoDelegate(BreachService breaches) {
        this.breaches = breaches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        breaches.alertDpo(BreachVariables.BREACH_ID.from(execution),
                BreachService.Alert.valueOf(BreachVariables.BREACH_ALERT.from(execution)));
    }
}
