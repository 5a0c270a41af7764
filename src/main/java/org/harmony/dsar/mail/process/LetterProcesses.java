package org.harmony.dsar.mail.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Starts PostLetterProcess: the "Post this letter" task for a prepared letter. */
@Component
public class LetterProcesses {

    private final RuntimeService runtime;

    LetterProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(DsarRequest request, String letterId, String template, Date due) {
        Map<String, Object> variables = new HashMap<>();
        DsarVariables.REQUEST_ID.into(variables, request.id());
        DsarVariables.REQUEST_REFERENCE.into(variables, request.reference());
        LetterVariables.LETTER_ID.into(variables, letterId);
        LetterVariables.LETTER_TEMPLATE.into(variables, template);
        LetterVariables.LETTER_DUE.into(variables, due);
        LetterVariables.LETTER_LINK.into(variables, "/api/officer/letters/" + letterId);
        runtime.startProcessInstanceByKey(LetterVariables.PROCESS_KEY, request.reference(), variables);
    }
}
