package org.harmony.dsar.deadline.process;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Makes a request's due date the one the engine acts on: the {@code dueAt} variable of its process instances, the
 * due date of its open tasks (Tasklist sorts and filters by it) and its deadline timers, which are recalculated
 * from their expressions.
 */
@Component
public class CaseDueDates {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    CaseDueDates(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Moves the case with this business key from one due date to another. */
    public void move(String businessKey, Date previousDueAt, Date newDueAt) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .active().list()) {
            if (DsarVariables.DUE_AT.fromOrNull(runtime, instance.getId()) != null) {
                DsarVariables.DUE_AT.on(runtime, instance.getId(), newDueAt);
                recalculateTimers(instance.getId());
            }
        }
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
            if (Objects.equals(task.getDueDate(), previousDueAt)) {
                task.setDueDate(newDueAt);
                tasks.saveTask(task);
            }
        }
    }

    /**
     * Recalculates every timer of the process instance from its expression, including timers created earlier in
     * the running transaction (not yet in the database). Duration timers keep counting from their creation.
     */
    public void recalculateTimers(String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        Set<String> recalculated = new LinkedHashSet<>();
        if (command != null) {
            // Inside the engine's transaction (a delegate): timers created in it are only in the entity cache.
            command.getDbEntityManager().getDbEntityCache().getCachedEntities().stream()
                    .map(CachedDbEntity::getEntity)
                    .filter(entity -> entity instanceof TimerEntity timer
                            && processInstanceId.equals(timer.getProcessInstanceId()))
                    .map(TimerEntity.class::cast)
                    .forEach(timer -> {
                        recalculate(timer);
                        recalculated.add(timer.getId());
                    });
        }
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            if (recalculated.contains(timer.getId())) {
                continue;
            }
            if (command != null) {
                new RecalculateJobDuedateCmd(timer.getId(), true).execute(command);
            } else {
                management.recalculateJobDuedate(timer.getId(), true);
            }
        }
    }

    private static void recalculate(TimerEntity timer) {
        ExecutionEntity execution = timer.getExecution();
        ActivityImpl activity = execution.getProcessDefinition().findActivity(timer.getActivityId());
        TimerDeclarationImpl declaration = TimerDeclarationImpl.getDeclarationsForScope(activity.getEventScope())
                .get(timer.getActivityId());
        if (declaration == null) {
            throw new IllegalStateException("No timer declaration for " + timer.getActivityId());
        }
        declaration.resolveAndSetDuedate(execution, timer, true);
    }
}
