package org.harmony.dsar.kernel.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task, for the audit trail and the rules that depend on it (four eyes, releases, notices). */
public final class TaskActors {

    private TaskActors() {
    }

    /** The authenticated user completing the task (REST, Tasklist); otherwise its assignee; null when neither. */
    public static String completedBy(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
