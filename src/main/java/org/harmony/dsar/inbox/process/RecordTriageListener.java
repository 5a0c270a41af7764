package org.harmony.dsar.inbox.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.inbox.Triage;
import org.springframework.stereotype.Component;

/**
 * On completion of "Triage incoming request": refuses an incomplete decision (the task stays open) and keeps the
 * requester's details with the mail, so that they never become process variables.
 */
@Component
class RecordTriageListener implements TaskListener {

    private final MailTriage triage;

    RecordTriageListener(MailTriage triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateTask task) {
        // A completion sets its variables on the execution; what the officer left as prefilled stays on the task.
        Triage decision = TriageSubmission.from(name -> task.getExecution().hasVariable(name)
                ? task.getExecution().getVariable(name) : task.getVariableLocal(name));
        triage.refusal(MailIntakeVariables.INCOMING_MAIL_ID.from(task), decision).ifPresent(refusal -> {
            throw new BadUserRequestException(refusal);
        });
        triage.record(MailIntakeVariables.INCOMING_MAIL_ID.from(task), decision);
        MailIntakeVariables.REQUESTER_EMAIL.removeFrom(task.getExecution());
        MailIntakeVariables.REQUESTER_NAME.removeFrom(task.getExecution());
        MailIntakeVariables.TRIAGE_REASON.removeFrom(task.getExecution());
    }
}
