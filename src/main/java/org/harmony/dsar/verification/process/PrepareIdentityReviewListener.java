package org.harmony.dsar.verification.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.intake.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.springframework.stereotype.Component;

/**
 * Gives a new "Review identity" task what its form shows: the level and the evidence, and the masked comparison.
 * Both are local to the task, so they end with it and never reach the process instance.
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
        task.setVariableLocal(DsarVariables.ASSURANCE_SUMMARY.name(), view.summary());
        task.setVariableLocal(DsarVariables.IDENTITY_COMPARISON.name(), view.maskedComparison());
        task.setVariableLocal(DsarVariables.REQUESTER_MESSAGES.name(),
                triage.repliesTo(DsarVariables.REQUEST_ID.from(task)));
        Set<String> confirmable = identifiers.confirmable(DsarVariables.REQUEST_ID.from(task));
        task.setVariableLocal(DsarVariables.CONFIRMABLE_IDENTIFIERS.name(),
                confirmable.isEmpty() ? "none submitted" : String.join(", ", confirmable));
    }
}
