package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Tells the requester, once, that their identity could not be verified, with the officer's reason and their rights. */
@Component
class SendIdentityUnverifiableDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    SendIdentityUnverifiableDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assurance.sendUnverifiable(DsarVariables.REQUEST_ID.from(execution),
                DsarVariables.IDENTITY_REVIEW_NOTE.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
