package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.breach.AuthorityNotices;
import org.harmony.dsar.kernel.process.TaskActors;
import org.springframework.stereotype.Component;

/**
 * On completion of "Notify supervisory authority": records the notice (Art 33(5) record). A late notice without
 * reasons is refused, and the task stays open.
 */
@Component
class RecordAuthorityNoticeListener implements TaskListener {

    private final AuthorityNotices notices;

    RecordAuthorityNoticeListener(AuthorityNotices notices) {
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            notices.record(BreachVariables.BREACH_ID.from(task),
                    BreachVariables.AUTHORITY_NAME.from(task), BreachVariables.AUTHORITY_REFERENCE.from(task),
                    BreachVariables.AUTHORITY_DELAY_REASON.fromOrNull(task),
                    TaskActors.completedBy(task));
        } catch (AuthorityNotices.AuthorityNoticeRefused e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
