package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Mails the processors without an API their instructions (GDPR Art 28(3)(e)); sets processorInstructionCount. */
@Component
class SendProcessorInstructionsDelegate implements JavaDelegate {

    private final ProcessorInstructions instructions;

    SendProcessorInstructionsDelegate(ProcessorInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int count = instructions.instruct(DsarVariables.REQUEST_ID.from(execution));
        ProcessorInstructionVariables.PROCESSOR_INSTRUCTION_COUNT.on(execution, (long) count);
    }
}
