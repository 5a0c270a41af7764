package org.harmony.dsar.retention.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.retention.RoutineRetention;
import org.springframework.stereotype.Component;

/** Deletes every record past its catalogue retention period; the run's evidence is kept under the process id. */
@Component
class DeleteExpiredRecordsDelegate implements JavaDelegate {

    private final RoutineRetention retention;

    DeleteExpiredRecordsDelegate(RoutineRetention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retention.run(execution.getProcessInstanceId());
    }
}
