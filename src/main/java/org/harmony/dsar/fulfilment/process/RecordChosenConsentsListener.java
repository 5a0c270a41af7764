package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.Suppressions;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * When "Choose consents to withdraw" is completed: records the officer's choice; a consent not found for the subject
 * is refused (400) and the task stays open.
 */
@Component
class RecordChosenConsentsListener implements TaskListener {

    private final Suppressions suppressions;

    RecordChosenConsentsListener(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            suppressions.choose(DsarVariables.REQUEST_ID.from(task),
                    FormJson.strings(RightsVariables.CONSENTS_TO_WITHDRAW.fromOrNull(task)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
