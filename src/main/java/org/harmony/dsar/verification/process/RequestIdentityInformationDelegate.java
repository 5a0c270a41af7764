package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/**
 * Sends the requester the officer's request for more information. Each round is counted, and the count keys the
 * mail: a retried job sends its round's mail once, the next round gets a mail of its own.
 */
@Component
class RequestIdentityInformationDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    RequestIdentityInformationDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = DsarVariables.INFORMATION_REQUESTS.fromOrNull(execution);
        int round = previous == null ? 1 : previous + 1;
        assurance.requestMoreInformation(DsarVariables.REQUEST_ID.from(execution),
                DsarVariables.IDENTITY_REVIEW_NOTE.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + round);
        DsarVariables.INFORMATION_REQUESTS.on(execution, round);
    }
}
