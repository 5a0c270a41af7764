package org.harmony.dsar.inbox.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.inbox.MailTriage;
import org.springframework.stereotype.Component;

/** Registers the triaged mail as a request (channel EMAIL, received when the mail arrived) and starts its process. */
@Component
class RegisterMailRequestDelegate implements JavaDelegate {

    private final MailTriage triage;

    RegisterMailRequestDelegate(MailTriage triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MailIntakeVariables.REQUEST_REFERENCE.on(execution,
                triage.register(MailIntakeVariables.INCOMING_MAIL_ID.from(execution)));
    }
}
