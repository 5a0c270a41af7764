package org.harmony.dsar.kernel.process;

import java.util.Optional;
import java.util.function.Function;

/**
 * A rule a process start from a form must meet, checked by {@code SubmissionGuardFilter} before the engine
 * starts the process, so that a refusal reaches the REST caller or Tasklist user as a 400 with the reason. The
 * process enforces the same rule itself for every other path.
 */
public interface ProcessStartGuard {

    /**
     * @param values the submitted start variables
     * @return why the process may not be started so; empty when it may
     */
    Optional<String> refusal(String processDefinitionKey, Function<String, Object> values);
}
