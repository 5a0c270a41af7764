package org.harmony.dsar.inbox.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.inbox.MailTriage;
import org.springframework.stereotype.Component;

/**
 * Gives a new "Triage incoming request" task what its form shows and prefills: the mail and the keyword suggestion.
 * All task-local, so the officer's edits end with the task; the personal ones are kept out of history
 * ({@code FormOnlyVariablesPlugin}).
 */
@Component
class PrepareTriageListener implements TaskListener {

    private final MailTriage triage;

    PrepareTriageListener(MailTriage triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateTask task) {
        MailTriage.TriageView view = triage.view(MailIntakeVariables.INCOMING_MAIL_ID.from(task));
        task.setVariableLocal(MailIntakeVariables.INCOMING_MAIL.name(), view.mail());
        task.setVariableLocal(MailIntakeVariables.TRIAGE_SUGGESTION.name(), view.suggestion());
        task.setVariableLocal(MailIntakeVariables.REQUEST_TYPE.name(), view.suggestedType());
        task.setVariableLocal(MailIntakeVariables.JURISDICTION.name(), view.suggestedJurisdiction());
        task.setVariableLocal(MailIntakeVariables.LANGUAGE.name(), view.suggestedLanguage());
        task.setVariableLocal(MailIntakeVariables.REQUESTER_EMAIL.name(), view.sender());
        task.setVariableLocal(MailIntakeVariables.REQUESTER_NAME.name(), null);
        task.setVariableLocal(MailIntakeVariables.TRIAGE_REASON.name(), null);
    }
}
