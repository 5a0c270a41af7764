package org.harmony.dsar.system.process;

import static org.camunda.spin.Spin.JSON;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A value a Camunda Form reads as JSON (the options of a select with {@code valuesKey}, the rows of a table): Tasklist
 * parses variables of type Json, so lists and objects reach the form as such. Made from the JSON text, so that the
 * engine's REST API hands the text over also where the value is never stored (a start form's fields).
 */
public final class FormJson {

    private FormJson() {
    }

    public static JsonValue of(Object value) {
        return SpinValues.jsonValue(JSON(value).toString()).create();
    }
}
