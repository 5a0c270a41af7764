package org.harmony.dsar.inbox.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.inbox.MailTriage;
import org.springframework.stereotype.Component;

/** Closes a mail the officer found to be no rights request, or spam: its content is erased. */
@Component
class CloseIncomingMailDelegate implements JavaDelegate {

    private final MailTriage triage;

    CloseIncomingMailDelegate(MailTriage triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        triage.close(MailIntakeVariables.INCOMING_MAIL_ID.from(execution),
                MailIntakeVariables.TRIAGE_DECISION.from(execution),
                MailIntakeVariables.OPEN_REQUEST_REFERENCE.fromOrNull(execution));
    }
}
