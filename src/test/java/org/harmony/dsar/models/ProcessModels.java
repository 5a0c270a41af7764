package org.harmony.dsar.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.harmony.dsar.kernel.process.ProcessVariable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the model tests compare: the models and forms as designers edit them (processes/, forms/,
 * element-templates/), the Spring beans of the application and the process variables its code declares.
 */
public final class ProcessModels {

    static final String BASE_PACKAGE = "org.harmony.dsar";
    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Path TEMPLATES = Path.of("element-templates");
    static final Path MAIL = Path.of("src/main/resources/mail");
    static final Path MAIN_SOURCES = Path.of("src/main/java");
    static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private ProcessModels() {
    }

    static List<Path> files(Path dir, String extension) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static List<Element> elements(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("*", "*");
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The BPMN elements of every process model, each with the file it is in. */
    static List<ModelElement> bpmnElements() {
        List<ModelElement> all = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            elements(xml(file)).forEach(element -> all.add(new ModelElement(file, element)));
        }
        return all;
    }

    /** Bean name to class, for every component in the application, named as Spring names them. */
    static Map<String, Class<?>> componentBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new TreeMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
            beans.put(names.generateBeanName(definition, registry), load(((AnnotatedBeanDefinition) definition)
                    .getMetadata().getClassName()));
        }
        return beans;
    }

    /** Variable name to the constant that declares it, for every ProcessVariable constant in the application. */
    static Map<String, Field> declaredVariables() {
        Map<String, Field> variables = new TreeMap<>();
        variableConstants().forEach(field -> variables.put(variableName(field), field));
        return variables;
    }

    /** For each class declaring ProcessVariable constants (by simple name), the names of the variables it declares. */
    static Map<String, Set<String>> declaredVariablesByClass() {
        Map<String, Set<String>> variables = new TreeMap<>();
        variableConstants().forEach(field -> variables.computeIfAbsent(field.getDeclaringClass().getSimpleName(),
                name -> new TreeSet<>()).add(variableName(field)));
        return variables;
    }

    private static List<Field> variableConstants() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Field> constants = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
            for (Field field : load(definition.getBeanClassName()).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                    constants.add(field);
                }
            }
        }
        return constants;
    }

    private static String variableName(Field field) {
        field.setAccessible(true);
        try {
            return ((ProcessVariable<?>) field.get(null)).name();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every mail an element template offers in a mailTemplate list: its names, and for an expression choosing
     * between mails, the lower-case names it quotes.
     */
    public static Set<String> offeredMails() {
        ObjectMapper json = new ObjectMapper();
        Set<String> mails = new TreeSet<>();
        for (Path file : files(TEMPLATES, ".json")) {
            try {
                for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
                    if (property.path("binding").path("name").asText().equals("mailTemplate")) {
                        property.path("choices").forEach(choice -> mails.addAll(mailNames(choice.path("value").asText())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mails;
    }

    static List<String> mailNames(String choice) {
        if (!choice.startsWith("${")) {
            return List.of(choice);
        }
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(choice);
        while (quoted.find()) {
            if (quoted.group(1).equals(quoted.group(1).toLowerCase(Locale.ROOT))) {
                names.add(quoted.group(1));
            }
        }
        return names;
    }

    static String source(Class<?> type) {
        try {
            return Files.readString(MAIN_SOURCES.resolve(type.getName().replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A BPMN element and the model it is in. */
    record ModelElement(Path file, Element element) {

        String type() {
            return element.getLocalName();
        }

        String id() {
            return element.getAttribute("id");
        }

        String camunda(String attribute) {
            return element.hasAttributeNS(CAMUNDA_NS, attribute) ? element.getAttributeNS(CAMUNDA_NS, attribute) : null;
        }

        boolean isBpmn() {
            return BPMN_NS.equals(element.getNamespaceURI());
        }

        /** The element's own camunda:inputParameter values by name (not those of nested elements). */
        Map<String, String> inputParameters() {
            Map<String, String> inputs = new TreeMap<>();
            for (Element parameter : elements(element, "inputParameter")) {
                Element inputOutput = (Element) parameter.getParentNode();
                Element extensions = (Element) inputOutput.getParentNode();
                if (extensions.getParentNode() == element) {
                    inputs.put(parameter.getAttribute("name"), parameter.getTextContent().trim());
                }
            }
            return inputs;
        }

        /** The file and the id of the element or, for an id-less part such as a condition, of its owner. */
        @Override
        public String toString() {
            Node owner = element;
            while (owner instanceof Element candidate && candidate.getAttribute("id").isEmpty()) {
                owner = candidate.getParentNode();
            }
            return file.getFileName() + "#" + (owner instanceof Element identified ? identified.getAttribute("id") : "");
        }

        private static List<Element> elements(Element parent, String camundaName) {
            NodeList nodes = parent.getElementsByTagNameNS(CAMUNDA_NS, camundaName);
            List<Element> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
            return found;
        }
    }
}
