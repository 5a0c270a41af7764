package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.RecipientNotices;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Tells the recipients of erased, corrected or restricted data (GDPR Art 19); each mail once. */
@Component
class NotifyRecipientsDelegate implements JavaDelegate {

    private final RecipientNotices notices;

    NotifyRecipientsDelegate(RecipientNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyRecipients(DsarVariables.REQUEST_ID.from(execution));
    }
}
