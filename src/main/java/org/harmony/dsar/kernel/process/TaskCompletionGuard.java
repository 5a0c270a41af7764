package org.harmony.dsar.kernel.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;

/**
 * A rule a task completion must meet, checked by {@code SubmissionGuardFilter} before the engine runs the
 * completion, so that a refusal reaches the REST caller or Tasklist user as a 400 with the reason. The same rules
 * are enforced inside the engine by task listeners, for every other path.
 */
public interface TaskCompletionGuard {

    /**
     * @param values the value each variable will have once the submission is applied
     * @param userId who completes the task, or null when unknown
     * @return why the task may not be completed so; empty when it may
     */
    Optional<String> refusal(Task task, Function<String, Object> values, String userId);
}
