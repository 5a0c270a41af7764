package org.harmony.dsar.verification.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Where the clock starts at verification: sets dueAt from the day the identity was verified. */
@Component
class RestartDeadlineClockDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    RestartDeadlineClockDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.DUE_AT.on(execution, Date.from(assurance.restartDeadlineClock(
                DsarVariables.REQUEST_ID.from(execution), DsarVariables.RESPONSE_PERIOD.from(execution))));
    }
}
