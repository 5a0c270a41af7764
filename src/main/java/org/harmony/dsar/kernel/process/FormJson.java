package org.harmony.dsar.kernel.process;

import static org.camunda.spin.Spin.JSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
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

    /** A checklist's values, as Tasklist submits them (JSON text) or the engine holds them (Spin, a list). */
    public static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        } else if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(item -> strings.add(item.isString() ? item.stringValue() : item.toString()));
        } else if (value instanceof String text && text.strip().startsWith("[")) {
            try {
                strings.addAll(strings(JSON(text)));
            } catch (SpinRuntimeException e) {
                throw new IllegalArgumentException("Unreadable list " + text, e);
            }
        } else if (value instanceof String text && !text.isBlank()) {
            strings.add(text.strip());
        }
        return strings;
    }
}
