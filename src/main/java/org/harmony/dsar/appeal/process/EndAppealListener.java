package org.harmony.dsar.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** At the end of AppealProcess, however it ends: the requester's statement is deleted. */
@Component
class EndAppealListener implements ExecutionListener {

    private final Appeals appeals;

    EndAppealListener(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        appeals.ended(DsarVariables.REQUEST_ID.from(execution));
    }
}
