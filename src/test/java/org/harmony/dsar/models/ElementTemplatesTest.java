package org.harmony.dsar.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.models.ProcessModels.ModelElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The element templates in element-templates/ against the code and the models: each binds a delegate bean that
 * exists and reads the inputs the template declares, and every templated task in processes/ holds the template's
 * fixed values and a valid choice for each input.
 */
class ElementTemplatesTest {

    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
    static final Pattern DELEGATE = Pattern.compile("\\$\\{(\\w+)}");

    static final Map<String, JsonNode> templates = new HashMap<>();
    static Map<String, Class<?>> beans;
    static Map<String, Field> variables;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file : ProcessModels.files(ProcessModels.TEMPLATES, ".json")) {
            JsonNode template = json.readTree(file.toFile());
            assertThat(templates.put(template.path("id").asText(), template)).as("template id of %s", file).isNull();
        }
        beans = ProcessModels.componentBeans();
        variables = ProcessModels.declaredVariables();
    }

    @Test
    void shouldDeclareEveryTemplateForCamunda7WithTypedDescribedProperties() {
        assertThat(templates).hasSizeGreaterThan(10);
        templates.forEach((id, template) -> {
            assertThat(template.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
            assertThat(template.path("name").asText()).as(id).isNotBlank();
            assertThat(template.path("description").asText()).as(id).isNotBlank();
            assertThat(template.path("version").isInt()).as(id).isTrue();
            assertThat(template.path("appliesTo")).as(id).isNotEmpty();
            for (JsonNode property : template.path("properties")) {
                String type = property.path("type").asText();
                assertThat(type).as(id).isIn(PROPERTY_TYPES);
                assertThat(property.path("binding").path("name").asText()).as(id).isNotBlank();
                if (!type.equals("Hidden")) {
                    assertThat(property.path("description").asText()).as("%s %s", id, property).isNotBlank();
                }
                if (type.equals("Dropdown")) {
                    assertThat(choices(property)).as("%s %s", id, property).isNotEmpty().contains(property.path("value").asText());
                }
            }
        });
    }

    @Test
    void shouldBindEveryTemplateToADelegateBeanThatReadsItsInputs() {
        templates.forEach((id, template) -> {
            JsonNode implementation = property(template, "property", "camunda:delegateExpression");
            if (implementation == null) {
                return;
            }
            assertThat(implementation.path("type").asText()).as(id).isEqualTo("Hidden");
            Matcher bean = DELEGATE.matcher(implementation.path("value").asText());
            assertThat(bean.matches()).as(id).isTrue();
            Class<?> delegate = beans.get(bean.group(1));
            assertThat(delegate).as("bean %s of %s", bean.group(1), id).isNotNull();
            assertThat(JavaDelegate.class).as(id).isAssignableFrom(delegate);
            String source = ProcessModels.source(delegate);
            List<String> declared = inputs(template).stream()
                    .map(input -> input.path("binding").path("name").asText()).toList();
            for (String localInput : localInputs()) {
                if (reads(source, variables.get(localInput))) {
                    assertThat(declared).as("%s reads %s: its template declares it", delegate.getSimpleName(), localInput)
                            .contains(localInput);
                }
            }
            for (JsonNode input : inputs(template)) {
                String name = input.path("binding").path("name").asText();
                Field constant = variables.get(name);
                assertThat(constant).as("input %s of %s is a declared variable", name, id).isNotNull();
                boolean required = source.contains(constant.getName() + ".from(");
                boolean optional = source.contains(constant.getName() + ".fromOrNull(");
                assertThat(required || optional).as("%s reads input %s", delegate.getSimpleName(), name).isTrue();
                assertThat(input.path("constraints").path("notEmpty").asBoolean())
                        .as("input %s of %s is required as the delegate requires it", name, id).isEqualTo(required);
                assertThat(input.path("optional").asBoolean()).as("input %s of %s optional", name, id)
                        .isEqualTo(!required);
            }
        });
    }

    @Test
    void shouldOfferOnlyDecisionsThatExistInProcesses() {
        JsonNode evaluate = templates.get("org.harmony.dsar.evaluateDecision");
        Set<String> decisions = ProcessModels.files(ProcessModels.PROCESSES, ".dmn").stream()
                .flatMap(file -> ProcessModels.elements(ProcessModels.xml(file)).stream())
                .filter(element -> element.getLocalName().equals("decision"))
                .map(element -> element.getAttribute("id")).collect(Collectors.toSet());
        assertThat(choices(property(evaluate, "property", "camunda:decisionRef"))).isNotEmpty()
                .allSatisfy(choice -> assertThat(decisions).contains(choice));
    }

    @Test
    void shouldOfferOnlyMailTemplatesThatExist() {
        assertThat(ProcessModels.offeredMails()).contains("acknowledgement", "request-denied", "access-response")
                .allSatisfy(mail -> {
                    assertThat(ProcessModels.MAIL.resolve(mail + ".html")).as(mail).exists();
                    assertThat(ProcessModels.MAIL.resolve(mail + ".txt")).as(mail).exists();
                });
    }

    @Test
    void shouldTemplateEveryDelegateTaskInTheModels() {
        List<ModelElement> delegateTasks = ProcessModels.bpmnElements().stream()
                .filter(element -> element.isBpmn() && element.camunda("delegateExpression") != null)
                .toList();
        assertThat(delegateTasks).hasSizeGreaterThan(30)
                .allSatisfy(task -> assertThat(task.camunda("modelerTemplate")).as(task.toString()).isNotNull());
    }

    @Test
    void shouldMatchEveryTemplatedTaskToItsTemplate() {
        List<ModelElement> templated = ProcessModels.bpmnElements().stream()
                .filter(element -> element.camunda("modelerTemplate") != null).toList();
        assertThat(templated).hasSizeGreaterThan(30);
        for (ModelElement task : templated) {
            JsonNode template = templates.get(task.camunda("modelerTemplate"));
            assertThat(template).as("template of %s", task).isNotNull();
            assertThat(task.camunda("modelerTemplateVersion")).as(task.toString())
                    .isEqualTo(template.path("version").asText());
            assertThat(appliesTo(template, task)).as("%s applies to %s", template.path("id"), task).isTrue();
            Map<String, String> inputs = task.inputParameters();
            assertThat(inputs.keySet()).as("inputs of %s are the template's", task)
                    .isSubsetOf(inputs(template).stream().map(input -> input.path("binding").path("name").asText())
                            .toList());
            for (JsonNode property : template.path("properties")) {
                String value = value(task, property);
                String label = task + " " + property.path("binding").path("name").asText();
                if (property.path("optional").asBoolean() && value == null) {
                    continue;
                }
                assertThat(value).as(label).isNotNull();
                switch (property.path("type").asText()) {
                    case "Hidden" -> assertThat(value).as(label).isEqualTo(property.path("value").asText());
                    case "Dropdown" -> assertThat(choices(property)).as(label).contains(value);
                    default -> { }
                }
                if (property.path("constraints").path("notEmpty").asBoolean()) {
                    assertThat(value).as(label).isNotBlank();
                }
            }
        }
    }

    /** The variables some template sets as a task's input parameter. */
    static Set<String> localInputs() {
        return templates.values().stream().flatMap(template -> inputs(template).stream())
                .map(input -> input.path("binding").path("name").asText()).collect(Collectors.toSet());
    }

    static boolean reads(String source, Field constant) {
        return source.contains(constant.getName() + ".from(") || source.contains(constant.getName() + ".fromOrNull(");
    }

    static boolean appliesTo(JsonNode template, ModelElement task) {
        String type = "bpmn:" + Character.toUpperCase(task.type().charAt(0)) + task.type().substring(1);
        String elementType = template.path("elementType").path("value").asText(null);
        if (elementType != null) {
            return elementType.equals(type);
        }
        for (JsonNode applies : template.path("appliesTo")) {
            if (applies.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    static String value(ModelElement task, JsonNode property) {
        JsonNode binding = property.path("binding");
        String name = binding.path("name").asText();
        return switch (binding.path("type").asText()) {
            case "property" -> name.startsWith("camunda:") ? task.camunda(name.substring("camunda:".length()))
                    : task.element().hasAttribute(name) ? task.element().getAttribute(name) : null;
            case "camunda:inputParameter" -> task.inputParameters().get(name);
            default -> throw new AssertionError("binding not checked yet: " + binding);
        };
    }

    static List<JsonNode> inputs(JsonNode template) {
        List<JsonNode> inputs = new ArrayList<>();
        template.path("properties").forEach(property -> {
            if (property.path("binding").path("type").asText().equals("camunda:inputParameter")) {
                inputs.add(property);
            }
        });
        return inputs;
    }

    static JsonNode property(JsonNode template, String bindingType, String name) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (binding.path("type").asText().equals(bindingType) && binding.path("name").asText().equals(name)) {
                return property;
            }
        }
        return null;
    }

    static List<String> choices(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
        return values;
    }
}
