package org.harmony.dsar.inbox.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.request.Channel;
import org.springframework.stereotype.Component;

/** Starts the triage of a mail received by email (MailIntakeProcess). */
@Component
public class MailIntakeProcesses {

    private final RuntimeService runtime;

    MailIntakeProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return the started process instance's id */
    public String startTriage(String incomingMailId, Date triageDue) {
        Map<String, Object> variables = new HashMap<>();
        MailIntakeVariables.INCOMING_MAIL_ID.into(variables, incomingMailId);
        MailIntakeVariables.CHANNEL.into(variables, Channel.EMAIL);
        MailIntakeVariables.TRIAGE_DUE.into(variables, triageDue);
        return runtime.startProcessInstanceByKey(MailIntakeVariables.PROCESS_KEY,
                "MAIL-" + incomingMailId.substring(0, 8).toUpperCase(Locale.ROOT), variables).getId();
    }
}
