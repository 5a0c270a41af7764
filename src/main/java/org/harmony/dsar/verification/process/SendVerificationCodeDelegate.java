package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.VerificationService;
import org.springframework.stereotype.Component;

/** Mails the requester a one-time code; the process then waits for the code to be entered. */
@Component
class SendVerificationCodeDelegate implements JavaDelegate {

    private final VerificationService verification;

    SendVerificationCodeDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        verification.issueAndSendCode(DsarVariables.REQUEST_ID.from(execution));
    }
}
