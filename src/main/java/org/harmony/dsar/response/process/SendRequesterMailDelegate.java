package org.harmony.dsar.response.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.RequesterNotifications;
import org.springframework.stereotype.Component;

/**
 * Sends the requester the mail template named by the task's {@code mailTemplate} input (with the reason code in
 * {@code mailReason}, where given), once per process instance and task: a retried or repeated job does not send it
 * again.
 */
@Component
class SendRequesterMailDelegate implements JavaDelegate {

    private final RequesterNotifications notifications;

    SendRequesterMailDelegate(RequesterNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = DsarVariables.MAIL_TEMPLATE.from(execution);
        String idempotencyKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
        String reason = DsarVariables.MAIL_REASON.fromOrNull(execution);
        notifications.notify(DsarVariables.REQUEST_ID.from(execution), template, idempotencyKey,
                reason == null ? Map.of() : Map.of("reason", reason));
    }
}
