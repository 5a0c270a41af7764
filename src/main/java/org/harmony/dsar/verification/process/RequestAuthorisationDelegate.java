package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Asks the agent for the subject's signed authorisation, once per process instance. */
@Component
class RequestAuthorisationDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    RequestAuthorisationDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assurance.requestAuthorisation(DsarVariables.REQUEST_ID.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
