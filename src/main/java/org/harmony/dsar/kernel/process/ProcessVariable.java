package org.harmony.dsar.kernel.process;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable, declared once with its name and type, so that code never repeats the name as a
 * string literal nor casts what {@code getVariable} returns. It reads and writes in a scope (execution or task,
 * locally or visible to the whole process), through the {@link RuntimeService} by execution id and through the
 * {@link TaskService} by task id. An enum variable is stored as its constant's name, the text models compare.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type::cast, value -> value);
    }

    /**
     * A variable holding one constant of an enum, stored as the constant's name. A value that names no constant (a
     * form submits text) reads as null.
     */
    public static <E extends Enum<E>> ProcessVariable<E> ofEnum(String name, Class<E> type) {
        return new ProcessVariable<>(name, value -> SubmittedValues.named(type, String.valueOf(value)), Enum::name);
    }

    public String name() {
        return name;
    }

    /** The value, which must be set. */
    public T from(VariableScope scope) {
        return required(scope.getVariable(name));
    }

    /** The value, or null when it is not set. */
    public T fromOrNull(VariableScope scope) {
        return typed(scope.getVariable(name));
    }

    /** The value set in the scope itself (not in a parent), which must be set. */
    public T fromLocal(VariableScope scope) {
        return required(scope.getVariableLocal(name));
    }

    /** The value set in the scope itself (not in a parent), or null when it is not set there. */
    public T fromLocalOrNull(VariableScope scope) {
        return typed(scope.getVariableLocal(name));
    }

    public T from(RuntimeService runtime, String executionId) {
        return required(runtime.getVariable(executionId, name));
    }

    public T fromOrNull(RuntimeService runtime, String executionId) {
        return typed(runtime.getVariable(executionId, name));
    }

    public T from(TaskService tasks, String taskId) {
        return required(tasks.getVariable(taskId, name));
    }

    public T fromOrNull(TaskService tasks, String taskId) {
        return typed(tasks.getVariable(taskId, name));
    }

    /** The value a form submission gives the variable, as submitted: Tasklist checks nothing on the server. */
    public Object submittedIn(Function<String, Object> values) {
        return values.apply(name);
    }

    public void on(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    /** Sets the value in the scope itself, as a task's own variable for its form. */
    public void onLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    /** Sets a value of an engine type in the scope itself, such as the JSON a task's form reads ({@link FormJson}). */
    public void onLocalTyped(VariableScope scope, TypedValue value) {
        scope.setVariableLocal(name, value);
    }

    public void on(RuntimeService runtime, String executionId, T value) {
        runtime.setVariable(executionId, name, stored(value));
    }

    public void on(TaskService tasks, String taskId, T value) {
        tasks.setVariable(taskId, name, stored(value));
    }

    public void removeFrom(VariableScope scope) {
        scope.removeVariable(name);
    }

    public void into(Map<String, Object> variables, T value) {
        variables.put(name, stored(value));
    }

    private T required(Object value) {
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        T typed = read.apply(value);
        if (typed == null) {
            throw new IllegalStateException("Process variable '" + name + "' has no valid value: " + value);
        }
        return typed;
    }

    private T typed(Object value) {
        return value == null ? null : read.apply(value);
    }

    private Object stored(T value) {
        return value == null ? null : write.apply(value);
    }
}
