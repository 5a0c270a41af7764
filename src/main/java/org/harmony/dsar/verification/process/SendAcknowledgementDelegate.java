package org.harmony.dsar.verification.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.RequesterNotifications;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a request (the task's {@code mailTemplate}) and says what comes next: a code to confirm the email
 * address only where the VerificationLevel table asks for one (never for an opt-out of sale). Sent once per process
 * instance and task.
 */
@Component
class SendAcknowledgementDelegate implements JavaDelegate {

    private final RequesterNotifications notifications;
    private final RequestRepository requests;
    private final VerificationLevels levels;

    SendAcknowledgementDelegate(RequesterNotifications notifications, RequestRepository requests,
            VerificationLevels levels) {
        this.notifications = notifications;
        this.requests = requests;
        this.levels = levels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = DsarVariables.REQUEST_ID.from(execution);
        boolean emailCheck = levels.emailCheckRequired(requests.get(requestId));
        notifications.notify(requestId, DsarVariables.MAIL_TEMPLATE.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId(),
                Map.of(DsarVariables.EMAIL_CHECK_REQUIRED.name(), emailCheck));
    }
}
