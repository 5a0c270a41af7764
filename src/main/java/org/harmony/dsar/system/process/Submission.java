package org.harmony.dsar.system.process;

/**
 * A request that submits values to the engine: through the REST API ({@code /engine-rest/...}, {@code webappEngine}
 * null) or through Tasklist ({@code /camunda/api/engine/engine/{engine}/...}, {@code webappEngine} the engine's
 * name). {@link SubmissionUrls} recognises one.
 */
sealed interface Submission {

    String webappEngine();

    /** {@code POST .../task/{id}/complete} or {@code submit-form}. */
    record TaskCompletion(String webappEngine, String taskId) implements Submission {
    }

    /**
     * Setting or deleting a task's variables ({@code POST}, {@code PUT}, {@code DELETE} on {@code variables} or
     * {@code localVariables}): one by name (also binary {@code /data}, {@code variableName} set), or several at once.
     */
    record TaskVariables(String webappEngine, String taskId, String variableName) implements Submission {
    }

    /** {@code POST .../process-definition/key/{key}/start} or by id, or {@code submit-form}; one of the ids is null. */
    record ProcessStart(String webappEngine, String processKey, String definitionId) implements Submission {
    }
}
