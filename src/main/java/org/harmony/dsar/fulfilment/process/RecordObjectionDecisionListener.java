package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.Objections;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * When "Weigh objection" is completed: records the decision and, when the processing continues, its compelling
 * legitimate grounds; continuing without naming them is refused and the task stays open.
 */
@Component
class RecordObjectionDecisionListener implements TaskListener {

    private final Objections objections;

    RecordObjectionDecisionListener(Objections objections) {
        this.objections = objections;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            objections.decide(DsarVariables.REQUEST_ID.from(task), RightsVariables.OBJECTION_DECISION.fromOrNull(task),
                    RightsVariables.COMPELLING_GROUNDS.fromOrNull(task), TaskActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
