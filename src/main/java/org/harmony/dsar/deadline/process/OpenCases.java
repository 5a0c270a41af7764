package org.harmony.dsar.deadline.process;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The open DSAR cases, soonest due first, as the options of the extension start form's request select (label:
 * reference, type, jurisdiction and due date; value: the reference).
 */
@Component
public class OpenCases {

    /** More than a team works on at once; the rest are reached through the filters. */
    static final int MAX_OPTIONS = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RuntimeService runtime;

    OpenCases(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public List<Map<String, String>> forExtension() {
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionKey(DsarVariables.PROCESS_KEY)
                .active().list().stream().map(ProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn(DsarVariables.REQUEST_REFERENCE.name(), DsarVariables.REQUEST_TYPE.name(),
                        DsarVariables.JURISDICTION.name(), DsarVariables.DUE_AT.name())
                .list().stream()
                .filter(variable -> variable.getExecutionId().equals(variable.getProcessInstanceId()))
                .forEach(variable -> byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue()));
        return byInstance.values().stream()
                .filter(values -> values.get(DsarVariables.REQUEST_REFERENCE.name()) instanceof String
                        && values.get(DsarVariables.DUE_AT.name()) instanceof Date)
                .sorted(Comparator.comparing(values -> (Date) values.get(DsarVariables.DUE_AT.name())))
                .limit(MAX_OPTIONS)
                .map(OpenCases::option)
                .collect(Collectors.toList());
    }

    private static Map<String, String> option(Map<String, Object> values) {
        String reference = (String) values.get(DsarVariables.REQUEST_REFERENCE.name());
        return Map.of("value", reference, "label", reference + " · " + values.get(DsarVariables.REQUEST_TYPE.name())
                + " · " + values.get(DsarVariables.JURISDICTION.name()) + " · due "
                + DAY.format(((Date) values.get(DsarVariables.DUE_AT.name())).toInstant()));
    }
}
