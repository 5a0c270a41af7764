package org.harmony.dsar.mail.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.models.DeployedForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Process test for PostLetterProcess.bpmn: a compliance officer posts the letter and confirms it. */
class PostLetterProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/PostLetterProcess.bpmn";
    private static final String FORM = "forms/PostLetterForm.form";
    private static final Date LETTER_DUE = Date.from(Instant.parse("2099-11-03T17:00:00Z"));

    /** letterId as the posted-letter listener saw it, one entry per completion. */
    private final List<Object> postedLetters = new ArrayList<>();
    private final List<Object> validatedSubmissions = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("validateFormSubmissionListener",
                (TaskListener) task -> validatedSubmissions.add(task.getVariable("letterPosted")));
        Mocks.register("recordLetterPostedListener",
                (TaskListener) task -> postedLetters.add(task.getVariable("letterId")));
    }

    @AfterEach
    void removeMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldAskAnOfficerToPostTheLetterAndRecordItOnceConfirmed() throws IOException {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(LetterVariables.PROCESS_KEY,
                "DSAR-2025-000123", Variables.createVariables()
                        .putValue("requestId", "request-42")
                        .putValue("requestReference", "DSAR-2025-000123")
                        .putValue(LetterVariables.LETTER_ID.name(), "letter-7")
                        .putValue(LetterVariables.LETTER_TEMPLATE.name(), "acknowledgement")
                        .putValue(LetterVariables.LETTER_LINK.name(), "https://dsar.example/letters/letter-7")
                        .putValue(LetterVariables.LETTER_DUE.name(), LETTER_DUE));

        assertThat(pi).isWaitingAt("UserTask_PostLetter");
        Task post = task(pi);
        assertThat(post).hasCandidateGroup("complianceOfficers").hasDueDate(LETTER_DUE);
        Assertions.assertThat(DeployedForms.ofTask(formService(), post)).contains("\"id\": \"PostLetterForm\"");
        Assertions.assertThat(postedLetters).isEmpty();

        complete(post, withVariables(LetterVariables.LETTER_POSTED.name(), "POSTED"));

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_LetterPrepared", "UserTask_PostLetter",
                "EndEvent_LetterPosted");
        Assertions.assertThat(validatedSubmissions).containsExactly("POSTED");
        Assertions.assertThat(postedLetters).containsExactly("letter-7");
    }
}
