package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.springframework.stereotype.Component;

/**
 * On completion of "Review identity": refuses identifiers the requester did not submit (or that may not find
 * records), so the task stays open; records who reviewed, so that the identifiers the officer confirmed name them.
 */
@Component
class CheckIdentityReviewListener implements TaskListener {

    private final TrustedIdentifiers identifiers;

    CheckIdentityReviewListener(TrustedIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        identifiers.refusal(DsarVariables.REQUEST_ID.from(task), DsarVariables.CONFIRMED_IDENTIFIERS.fromOrNull(task))
                .ifPresent(refusal -> {
                    throw new BadUserRequestException(refusal);
                });
        DsarVariables.IDENTITY_REVIEWED_BY.on(task.getExecution(), TaskActors.completedBy(task));
    }
}
