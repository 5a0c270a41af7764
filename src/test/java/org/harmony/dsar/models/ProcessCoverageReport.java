package org.harmony.dsar.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Coverage per process across all process test classes: camunda-process-test-coverage reports each test class on
 * its own (target/process-test-coverage/&lt;class&gt;/report.json); this joins them per model in processes/ and
 * writes per-process.md and per-process.json beside them. Exits with 1 when a process has less than the minimum
 * share of its flow nodes or of its sequence flows covered ({@code mvn verify}, exec-maven-plugin).
 */
public final class ProcessCoverageReport {

    record Coverage(String process, int flowNodes, int flowNodesCovered, int sequenceFlows, int sequenceFlowsCovered,
            List<String> missed) {

        double flowNodeShare() {
            return flowNodes == 0 ? 1 : (double) flowNodesCovered / flowNodes;
        }

        double sequenceFlowShare() {
            return sequenceFlows == 0 ? 1 : (double) sequenceFlowsCovered / sequenceFlows;
        }

        boolean reaches(double minimum) {
            return flowNodeShare() >= minimum && sequenceFlowShare() >= minimum;
        }
    }

    private ProcessCoverageReport() {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
        double minimum = Double.parseDouble(args.length > 1 ? args[1] : "0.9");
        List<Coverage> coverage = coverage(ProcessModels.files(ProcessModels.PROCESSES, ".bpmn"), covered(reports));
        Files.writeString(reports.resolve("per-process.md"), table(coverage, minimum));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                reports.resolve("per-process.json").toFile(), coverage);
        System.out.print(table(coverage, minimum));
        if (!coverage.stream().allMatch(process -> process.reaches(minimum))) {
            System.exit(1);
        }
    }

    /** Element ids that some test passed, by process key, from every report under the directory. */
    static Map<String, Set<String>> covered(Path reports) throws IOException {
        Map<String, Set<String>> covered = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> found = Files.walk(reports, 2)) {
            files = found.filter(file -> file.getFileName().toString().equals("report.json")).toList();
        }
        for (Path file : files) {
            for (JsonNode suite : json.readTree(file.toFile()).path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        covered.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
                                .add(event.path("definitionKey").asText());
                    }
                }
            }
        }
        return covered;
    }

    /** Each model's flow nodes and sequence flows against the ids covered under its process key. */
    static List<Coverage> coverage(List<Path> models, Map<String, Set<String>> covered) {
        List<Coverage> coverage = new ArrayList<>();
        for (Path model : models) {
            BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
            for (org.camunda.bpm.model.bpmn.instance.Process process
                    : bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
                Set<String> passed = covered.getOrDefault(process.getId(), Set.of());
                List<String> nodes = ids(bpmn.getModelElementsByType(FlowNode.class));
                List<String> flows = ids(bpmn.getModelElementsByType(SequenceFlow.class));
                List<String> missed = new ArrayList<>(nodes);
                missed.addAll(flows);
                missed.removeAll(passed);
                coverage.add(new Coverage(process.getId(), nodes.size(),
                        (int) nodes.stream().filter(passed::contains).count(), flows.size(),
                        (int) flows.stream().filter(passed::contains).count(), missed.stream().sorted().toList()));
            }
        }
        return coverage;
    }

    static String table(List<Coverage> coverage, double minimum) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Process test coverage per process (minimum %.0f%%)%n%n"
                        + "| process | flow nodes | sequence flows | not covered |%n|---|---|---|---|%n", minimum * 100));
        for (Coverage process : coverage) {
            table.append(String.format(Locale.ROOT, "| %s | %d/%d (%.1f%%) | %d/%d (%.1f%%) | %s |%n", process.process(),
                    process.flowNodesCovered(), process.flowNodes(), process.flowNodeShare() * 100,
                    process.sequenceFlowsCovered(), process.sequenceFlows(), process.sequenceFlowShare() * 100,
                    String.join(", ", process.missed())));
        }
        return table.toString();
    }

    private static List<String> ids(java.util.Collection<? extends BaseElement> elements) {
        Map<String, BaseElement> byId = new LinkedHashMap<>();
        elements.forEach(element -> byId.put(element.getId(), element));
        return List.copyOf(byId.keySet());
    }
}
