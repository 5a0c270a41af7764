package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * When "Lift restriction" is completed: records the decision and its reason and sets liftNotBefore, the end of the
 * notice period; a lift without a known reason is refused and the task stays open.
 */
@Component
class RecordLiftDecisionListener implements TaskListener {

    private final RestrictionLifts lifts;

    RecordLiftDecisionListener(RestrictionLifts lifts) {
        this.lifts = lifts;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            RightsVariables.LIFT_NOT_BEFORE.on(task, lifts.decide(DsarVariables.REQUEST_ID.from(task),
                    RightsVariables.LIFT_DECISION.fromOrNull(task), RightsVariables.LIFT_REASON.fromOrNull(task),
                    TaskActors.completedBy(task)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
