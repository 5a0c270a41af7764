package org.harmony.dsar.kernel.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once with its name and type, so that code never repeats the name as a
 * string literal nor casts what {@code getVariable} returns.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;

    private ProcessVariable(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public String name() {
        return name;
    }

    /** The value, which must be set. */
    public T from(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return type.cast(value);
    }

    /** The value, or null when it is not set. */
    public T fromOrNull(VariableScope scope) {
        return type.cast(scope.getVariable(name));
    }

    public void on(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void into(Map<String, Object> variables, T value) {
        variables.put(name, value);
    }
}
