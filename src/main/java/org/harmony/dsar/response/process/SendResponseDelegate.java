package org.harmony.dsar.response.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.ResponseRelease;
import org.springframework.stereotype.Component;

/**
 * Sends the approved response (template in the task's {@code mailTemplate} input) and releases the package with it:
 * nothing is downloadable before this step, and the download period starts here. Once per process instance and
 * task, like every requester mail.
 */
@Component
class SendResponseDelegate implements JavaDelegate {

    private final ResponseRelease release;

    SendResponseDelegate(ResponseRelease release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.send(DsarVariables.REQUEST_ID.from(execution), DsarVariables.MAIL_TEMPLATE.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
