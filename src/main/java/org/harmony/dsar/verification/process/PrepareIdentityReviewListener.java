package org.harmony.dsar.verification.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.springframework.stereotype.Component;

/**
 * Gives a new "Review identity" task what its form shows: the level and the evidence, the masked comparison, and the
 * requester's answer to the last question. All are local to the task, so they end with it and never reach the
 * process instance; the comparison and the answer are kept out of history ({@code FormOnlyVariablesPlugin}).
 */
@Component
class PrepareIdentityReviewListener implements TaskListener {

    private final IdentityAssurance assurance;
    private final TrustedIdentifiers identifiers;
    private final MailTriage triage;

    PrepareIdentityReviewListener(IdentityAssurance assurance, TrustedIdentifiers identifiers, MailTriage triage) {
        this.triage = triage;
        this.assurance = assurance;
        this.identifiers = identifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        IdentityAssurance.ReviewView view = assurance.reviewView(DsarVariables.REQUEST_ID.from(task),
                LevelOfAssurance.from(task));
        DsarVariables.ASSURANCE_SUMMARY.onLocal(task, view.summary());
        DsarVariables.IDENTITY_COMPARISON.onLocal(task, view.maskedComparison());
        DsarVariables.REQUESTER_MESSAGES.onLocal(task, triage.repliesTo(DsarVariables.REQUEST_ID.from(task)));
        DsarVariables.REQUESTER_ANSWER.onLocal(task, view.requesterAnswer());
        Set<String> confirmable = identifiers.confirmable(DsarVariables.REQUEST_ID.from(task));
        DsarVariables.CONFIRMABLE_IDENTIFIERS.onLocal(task,
                confirmable.isEmpty() ? "none submitted" : String.join(", ", confirmable));
    }
}
