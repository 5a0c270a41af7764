package org.harmony.dsar.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Shows the requester's statement in "Decide appeal", as a task-local variable that history never keeps. */
@Component
class PrepareAppealReviewListener implements TaskListener {

    private final Appeals appeals;

    PrepareAppealReviewListener(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateTask task) {
        String statement = appeals.find(DsarVariables.REQUEST_ID.from(task)).map(Appeals.Appeal::statement)
                .orElse(null);
        AppealVariables.APPEAL_STATEMENT.onLocal(task, statement == null ? "(no statement)"
                : statement);
    }
}
