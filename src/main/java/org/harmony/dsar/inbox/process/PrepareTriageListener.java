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
        MailIntakeVariables.INCOMING_MAIL.onLocal(task, view.mail());
        MailIntakeVariables.TRIAGE_SUGGESTION.onLocal(task, view.suggestion());
        MailIntakeVariables.REQUEST_TYPE.onLocal(task, view.suggestedType());
        MailIntakeVariables.JURISDICTION.onLocal(task, view.suggestedJurisdiction());
        MailIntakeVariables.LANGUAGE.onLocal(task, view.suggestedLanguage());
        MailIntakeVariables.REQUESTER_EMAIL.onLocal(task, view.sender());
        MailIntakeVariables.REQUESTER_NAME.onLocal(task, null);
        MailIntakeVariables.TRIAGE_REASON.onLocal(task, null);
    }
}
