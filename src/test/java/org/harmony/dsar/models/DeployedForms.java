package org.harmony.dsar.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;

/** The Camunda Form a process test's engine serves for a user task or a start event, as Tasklist receives it. */
public final class DeployedForms {

    private DeployedForms() {
    }

    public static String ofTask(FormService forms, Task task) throws IOException {
        return read(forms.getDeployedTaskForm(task.getId()));
    }

    public static String ofStart(FormService forms, String processDefinitionId) throws IOException {
        return read(forms.getDeployedStartForm(processDefinitionId));
    }

    private static String read(InputStream deployed) throws IOException {
        try (InputStream form = deployed) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
