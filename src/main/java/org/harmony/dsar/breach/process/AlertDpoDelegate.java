package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.breach.DpoAlerts;
import org.springframework.stereotype.Component;

/** Mails the DPO group the alert named in the local input {@code breachAlert}, with the breach's progress. */
@Component
class AlertDpoDelegate implements JavaDelegate {

    private final DpoAlerts alerts;
    private final DpoGroup group;

    AlertDpoDelegate(DpoAlerts alerts, DpoGroup group) {
        this.alerts = alerts;
        this.group = group;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.alert(BreachVariables.BREACH_ID.from(execution),
                DpoAlerts.Alert.valueOf(BreachVariables.BREACH_ALERT.from(execution)), group.members());
    }
}
