package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.harmony.dsar.kernel.process.TaskActors;
import org.springframework.stereotype.Component;

/** On completion of "Record processor confirmation": the outcome, the note and who recorded them, as evidence. */
@Component
class RecordProcessorConfirmationListener implements TaskListener {

    private final ProcessorInstructions instructions;

    RecordProcessorConfirmationListener(ProcessorInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void notify(DelegateTask task) {
        instructions.record(ProcessorInstructionVariables.INSTRUCTION_ID.from(task),
                ProcessorInstructionVariables.PROCESSOR_CONFIRMATION.from(task),
                ProcessorInstructionVariables.PROCESSOR_CONFIRMATION_NOTE.fromOrNull(task), TaskActors.completedBy(task));
    }
}
