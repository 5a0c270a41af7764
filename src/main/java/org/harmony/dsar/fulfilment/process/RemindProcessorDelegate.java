package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.springframework.stereotype.Component;

/** Mails the processor a reminder of its instruction, once. */
@Component
class RemindProcessorDelegate implements JavaDelegate {

    private final ProcessorInstructions instructions;

    RemindProcessorDelegate(ProcessorInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        instructions.remind(ProcessorInstructionVariables.INSTRUCTION_ID.from(execution));
    }
}
