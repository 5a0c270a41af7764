package org.harmony.dsar.legalhold.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.legalhold.LegalHoldSummaries;
import org.harmony.dsar.legalhold.LegalReviews;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** When "Legal review" is created: what the form lists (holds, retention rules, what would be kept), task-local. */
@Component
class PrepareLegalReviewListener implements TaskListener {

    private final LegalHoldSummaries summaries;
    private final LegalReviews legalReviews;
    private final VerifiedIdentifiers identifiers;

    PrepareLegalReviewListener(LegalHoldSummaries summaries, LegalReviews legalReviews,
            VerifiedIdentifiers identifiers) {
        this.summaries = summaries;
        this.legalReviews = legalReviews;
        this.identifiers = identifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalHoldVariables.LEGAL_REVIEW_SUMMARY.onLocal(task,
                summaries.reviewSummary(DsarVariables.REQUEST_ID.from(task)));
        DsarVariables.RELEASABLE_HOLDS.onLocalTyped(task, FormJson.of(
                legalReviews.releasableHolds(DsarVariables.REQUEST_ID.from(task)).stream().map(hold -> Map.of(
                        "value", hold.id(),
                        "label", "Matter " + hold.matterReference() + " · " + hold.reasonCode() + " · keeps "
                                + hold.describeScope() + " · review by " + hold.reviewAt())).toList()));
        DsarVariables.CASE_IDENTIFIERS.onLocal(task,
                identifiers.describe(DsarVariables.REQUEST_ID.from(task)));
    }
}
