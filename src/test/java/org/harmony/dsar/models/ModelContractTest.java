package org.harmony.dsar.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.models.ProcessModels.ModelElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract between the models designers edit and the code: every variable an expression, a mapping, a decision
 * table or a form field names is declared as a {@code ProcessVariable} in the code, every delegate expression names a
 * bean, and every form reference has its form in forms/.
 */
class ModelContractTest {

    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false",
            "null", "empty", "div", "mod", "instanceof", "in", "if", "then", "else");
    /** Names the engine itself provides to expressions. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult");
    static final Set<String> VARIABLE_ATTRIBUTES = Set.of("resultVariable", "elementVariable", "initiator");

    /** The class declaring each process's own variables; DsarVariables holds the request's, which every process has. */
    static final Map<String, String> VARIABLES_CLASSES = Map.ofEntries(
            Map.entry("AppealProcess", "AppealVariables"),
            Map.entry("BreachNotificationProcess", "BreachVariables"),
            Map.entry("ConsentWithdrawalProcess", "RightsVariables"),
            Map.entry("DeadlineExtensionProcess", "DeadlineExtensionVariables"),
            Map.entry("DsarProcess", "DsarVariables"),
            Map.entry("FulfilmentProcess", "DsarVariables"),
            Map.entry("IdentityVerificationProcess", "DsarVariables"),
            Map.entry("LegalHoldCheckProcess", "LegalHoldVariables"),
            Map.entry("LogRequestProcess", "LoggedRequestVariables"),
            Map.entry("MailIntakeProcess", "MailIntakeVariables"),
            Map.entry("ObjectionProcess", "RightsVariables"),
            Map.entry("PostLetterProcess", "LetterVariables"),
            Map.entry("ProcessorInstructionProcess", "ProcessorInstructionVariables"),
            Map.entry("RestrictionLiftProcess", "RightsVariables"));

    static Map<String, Class<?>> beans;
    static Map<String, Field> variables;

    @BeforeAll
    static void read() {
        beans = ProcessModels.componentBeans();
        variables = ProcessModels.declaredVariables();
    }

    @Test
    void shouldDeclareEveryVariableThatAnExpressionReads() {
        Set<String> undeclared = new TreeSet<>();
        int expressions = 0;
        for (ModelElement element : ProcessModels.bpmnElements()) {
            for (String expression : expressions(element.element())) {
                expressions++;
                for (String root : roots(expression)) {
                    if (!variables.containsKey(root) && !beans.containsKey(root) && !ENGINE_NAMES.contains(root)) {
                        undeclared.add(root + " in " + element + ": " + expression);
                    }
                }
            }
        }
        assertThat(expressions).isGreaterThan(50);
        assertThat(undeclared).isEmpty();
    }

    @Test
    void shouldDeclareEveryVariableThatAMappingOrResultNames() {
        Set<String> names = new TreeSet<>();
        for (ModelElement element : ProcessModels.bpmnElements()) {
            if (ProcessModels.CAMUNDA_NS.equals(element.element().getNamespaceURI())) {
                switch (element.type()) {
                    case "inputParameter", "outputParameter" -> names.add(element.element().getAttribute("name"));
                    case "in", "out" -> {
                        addIfSet(names, element.element(), "source");
                        addIfSet(names, element.element(), "target");
                    }
                    default -> { }
                }
            }
            VARIABLE_ATTRIBUTES.forEach(attribute -> {
                if (element.camunda(attribute) != null) {
                    names.add(element.camunda(attribute));
                }
            });
        }
        assertThat(names).contains("mailTemplate", "sourceName", "extensionRequestedBy", "legalHoldOutcome");
        assertThat(undeclared(names)).isEmpty();
    }

    @Test
    void shouldDeclareEveryDecisionTableInput() {
        List<String> inputs = new ArrayList<>();
        for (Path table : ProcessModels.files(ProcessModels.PROCESSES, ".dmn")) {
            for (Element element : ProcessModels.elements(ProcessModels.xml(table))) {
                if (element.getLocalName().equals("inputExpression")) {
                    inputs.addAll(roots(element.getTextContent().trim()));
                }
            }
        }
        assertThat(inputs).contains("jurisdiction", "requestType", "subjectHolds");
        assertThat(undeclared(inputs)).isEmpty();
    }

    @Test
    void shouldDeclareEveryFormFieldAndEveryVariableAFormExpressionReads() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new TreeSet<>();
        for (Path form : ProcessModels.files(ProcessModels.FORMS, ".form")) {
            collectFormNames(json.readTree(form.toFile()), names);
        }
        assertThat(names).contains("reviewDecision", "legalReviewDecision", "breachReference");
        assertThat(undeclared(names)).isEmpty();
    }

    @Test
    void shouldDeclareEveryKeyAFormSubmitsInItsProcessVariablesClass() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> declared = ProcessModels.declaredVariablesByClass();
        Set<String> undeclared = new TreeSet<>();
        int forms = 0;
        for (ModelElement element : ProcessModels.bpmnElements()) {
            String form = element.camunda("formRef");
            if (form == null) {
                continue;
            }
            forms++;
            String process = element.file().getFileName().toString().replace(".bpmn", "");
            String variablesClass = VARIABLES_CLASSES.get(process);
            assertThat(variablesClass).as("variables class of %s", process).isNotNull();
            Set<String> keys = new TreeSet<>();
            collectSubmittedKeys(json.readTree(ProcessModels.FORMS.resolve(form + ".form").toFile()), keys);
            keys.stream().filter(key -> !declared.get(variablesClass).contains(key)
                    && !declared.get("DsarVariables").contains(key))
                    .forEach(key -> undeclared.add(key + " of " + form + " in " + process));
        }
        assertThat(forms).isGreaterThanOrEqualTo(20);
        assertThat(undeclared).isEmpty();
    }

    @Test
    void shouldNameABeanOfTheRightKindInEveryDelegateExpression() {
        int checked = 0;
        for (ModelElement element : ProcessModels.bpmnElements()) {
            String expression = element.element().hasAttribute("delegateExpression")
                    ? element.element().getAttribute("delegateExpression") : element.camunda("delegateExpression");
            if (expression == null) {
                continue;
            }
            checked++;
            Matcher bean = Pattern.compile("\\$\\{(\\w+)}").matcher(expression);
            assertThat(bean.matches()).as("%s names one bean: %s", element, expression).isTrue();
            Class<?> type = beans.get(bean.group(1));
            assertThat(type).as("bean %s of %s", bean.group(1), element).isNotNull();
            Class<?> expected = switch (element.type()) {
                case "taskListener" -> TaskListener.class;
                case "executionListener" -> ExecutionListener.class;
                default -> JavaDelegate.class;
            };
            assertThat(expected).as("%s is a %s", type.getSimpleName(), expected.getSimpleName()).isAssignableFrom(type);
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void shouldFindEveryReferencedFormInForms() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> formIds = new TreeSet<>();
        for (Path form : ProcessModels.files(ProcessModels.FORMS, ".form")) {
            String id = json.readTree(form.toFile()).path("id").asText();
            assertThat(form.getFileName().toString()).as("file name is the form id").isEqualTo(id + ".form");
            formIds.add(id);
        }
        List<ModelElement> referencing = ProcessModels.bpmnElements().stream()
                .filter(element -> element.camunda("formRef") != null).toList();
        assertThat(referencing).hasSizeGreaterThanOrEqualTo(10).allSatisfy(element -> {
            assertThat(formIds).as("form of %s", element).contains(element.camunda("formRef"));
            assertThat(element.camunda("formRefBinding")).as(element.toString()).isEqualTo("deployment");
        });
    }

    /** Root names an expression reads: identifiers outside string literals that are not a property or method. */
    static List<String> roots(String expression) {
        List<String> roots = new ArrayList<>();
        Matcher identifier = ROOT_IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group())) {
                roots.add(identifier.group());
            }
        }
        return roots;
    }

    /** The bodies of the ${...} and #{...} expressions in an element's attributes and own text. */
    static List<String> expressions(Element element) {
        List<String> values = new ArrayList<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            values.add(((Attr) attributes.item(i)).getValue());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                values.add(child.getNodeValue());
            }
        }
        List<String> expressions = new ArrayList<>();
        for (String value : values) {
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                expressions.add(expression.group(1));
            }
        }
        return expressions;
    }

    static void collectFormNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("columns") && field.getValue().isArray()) {
                    return; // a table's column keys name properties of its rows, not variables
                }
                if ((field.getKey().equals("key") || field.getKey().equals("valuesKey")) && field.getValue().isTextual()) {
                    names.add(field.getValue().asText());
                } else if (field.getValue().isTextual() && field.getValue().asText().startsWith("=")) {
                    names.addAll(roots(field.getValue().asText().substring(1)));
                } else {
                    collectFormNames(field.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectFormNames(item, names));
        }
    }

    /** The keys of a form's fields: what a submission sets, without the columns of a table. */
    static void collectSubmittedKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            if (node.path("key").isTextual()) {
                keys.add(node.path("key").asText());
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("columns")) {
                    collectSubmittedKeys(field.getValue(), keys);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectSubmittedKeys(item, keys));
        }
    }

    static Set<String> undeclared(Collection<String> names) {
        return undeclared(names, variables);
    }

    static Set<String> undeclared(Collection<String> names, Map<String, Field> declared) {
        return names.stream().filter(name -> !declared.containsKey(name)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void addIfSet(Set<String> names, Element element, String attribute) {
        if (element.hasAttribute(attribute)) {
            names.add(element.getAttribute(attribute));
        }
    }
}
