package org.harmony.dsar.kernel.process;

import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The extension properties process designers set on a BPMN element in Modeler (Extensions → Properties). */
public final class ElementProperties {

    private ElementProperties() {
    }

    /** The value of the named property on the element, if it has one. */
    public static Optional<String> value(BaseElement element, String name) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }

    /** Whether the element has the property with the value {@code true}. */
    public static boolean isTrue(BaseElement element, String name) {
        return value(element, name).map("true"::equals).orElse(false);
    }
}
