package org.harmony.dsar.fulfilment.process;

import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.harmony.dsar.kernel.process.ProcessVariable;

/**
 * The variables of ProcessorInstructionProcess, beside requestId, requestReference, requestType, jurisdiction and
 * dueAt: references, counts, periods and the officer's decision, never the processor's mail or the subject's data.
 */
public final class ProcessorInstructionVariables {

    public static final String PROCESS_KEY = "ProcessorInstructionProcess";

    /** How many processors without an API were instructed (0: nothing to confirm). */
    public static final ProcessVariable<Long> PROCESSOR_INSTRUCTION_COUNT =
            ProcessVariable.of("processorInstructionCount", Long.class);
    /** One instruction per branch of "Await processor confirmation" (element variable). */
    public static final ProcessVariable<String> INSTRUCTION_ID = ProcessVariable.of("instructionId", String.class);
    /** From ProcessorConfirmation.dmn: when the processor is reminded (ISO-8601 duration). */
    public static final ProcessVariable<String> REMINDER_AFTER = ProcessVariable.of("reminderAfter", String.class);
    /** From ProcessorConfirmation.dmn: when the task goes to the DPO (ISO-8601 duration). */
    public static final ProcessVariable<String> ESCALATE_AFTER = ProcessVariable.of("escalateAfter", String.class);
    /** CONFIRMED (the processor confirmed) or UNCONFIRMED (the DPO proceeds without it); kept in history. */
    public static final ProcessVariable<ProcessorInstructions.Outcome> PROCESSOR_CONFIRMATION =
            ProcessVariable.ofEnum("processorConfirmation", ProcessorInstructions.Outcome.class);
    /** How and when the processor confirmed (its reply's date and sender), in the officer's words. */
    public static final ProcessVariable<String> PROCESSOR_CONFIRMATION_NOTE =
            ProcessVariable.of("processorConfirmationNote", String.class);

    private ProcessorInstructionVariables() {
    }
}
