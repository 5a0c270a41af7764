package org.harmony.dsar.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.system.FormRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The worked examples of docs/designer-guide.md that add a step and change a form, done as the guide says. The
 * other examples are checked where their code is: deadline/JurisdictionTablesTest,
 * lookup/DataSourceCatalogueTest.TheDesignersGuide, mail/OfferedMailsTest.
 */
class DesignerGuideTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    static JsonNode template(String file) {
        try {
            return JSON.readTree(ProcessModels.TEMPLATES.resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class AddAStep {

        private final List<String> mailsSent = new ArrayList<>();

        @AfterEach
        void reset() {
            Mocks.reset();
            engine.getRepositoryService().createDeploymentQuery().list().forEach(deployment ->
                    engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
        }

        @Test
        void shouldRunATaskMadeFromTheSendRequesterMailTemplateWithThePickedMail() {
            JsonNode template = template("send-requester-mail.json");
            BpmnModelInstance model = Bpmn.createExecutableProcess("GuideExampleProcess")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_ExtensionGranted")
                    .serviceTask("ServiceTask_TellRequesterDeadlineExtended").name("Tell requester: deadline extended")
                    .endEvent("EndEvent_RequesterTold")
                    .done();
            ServiceTask task = model.getModelElementById("ServiceTask_TellRequesterDeadlineExtended");
            apply(template, task, Map.of("mailTemplate", "deadline-extended"));
            Mocks.register("sendRequesterMailDelegate", (JavaDelegate) execution ->
                    mailsSent.add(DsarVariables.MAIL_TEMPLATE.from(execution)));
            engine.getRepositoryService().createDeployment().addModelInstance("GuideExampleProcess.bpmn", model).deploy();

            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("GuideExampleProcess",
                    Map.of(DsarVariables.REQUEST_ID.name(), "request-1"));
            assertThat(mailsSent).as("asynchronous: nothing before its job runs").isEmpty();
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            engine.getManagementService().executeJob(job.getId());

            assertThat(mailsSent).containsExactly("deadline-extended");
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.getId()).singleResult().getEndActivityId()).isEqualTo("EndEvent_RequesterTold");
        }

        /** What Modeler writes when the template is applied and the inputs are picked. */
        private void apply(JsonNode template, ServiceTask task, Map<String, String> picked) {
            task.setAttributeValueNs(ProcessModels.CAMUNDA_NS, "modelerTemplate", template.path("id").asText());
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                String name = binding.path("name").asText();
                if (binding.path("type").asText().equals("property")) {
                    task.setAttributeValueNs(ProcessModels.CAMUNDA_NS, name.substring("camunda:".length()),
                            property.path("value").asText());
                } else if (picked.containsKey(name)) {
                    assertThat(ElementTemplatesTest.choices(property)).contains(picked.get(name));
                    task.builder().camundaInputParameter(name, picked.get(name));
                }
            }
        }
    }

    @Nested
    class ChangeAReviewerForm {

        @Test
        void shouldNameAnAddedFieldUntilItsVariableIsDeclared() throws IOException {
            ObjectNode form = (ObjectNode) JSON.readTree(ProcessModels.FORMS.resolve("ReviewResponseForm.form").toFile());
            addTextField(form, "Field_ReviewChecklist", "reviewChecklist");
            addTextField(form, "Field_ReviewCommentCopy", DsarVariables.REVIEW_COMMENT.name());

            Set<String> keys = new TreeSet<>();
            ModelContractTest.collectFormNames(form, keys);
            assertThat(FormRules.parse(form).submittableKeys()).contains("reviewChecklist");
            assertThat(keys).contains("reviewChecklist", "reviewComment");
            assertThat(ModelContractTest.undeclared(keys, ProcessModels.declaredVariables()))
                    .containsExactly("reviewChecklist");
        }

        private void addTextField(ObjectNode form, String id, String key) {
            ObjectNode field = ((ArrayNode) form.path("components")).addObject();
            field.put("id", id);
            field.put("key", key);
            field.put("type", "textfield");
            field.put("label", Objects.requireNonNull(key));
        }
    }
}
