package org.harmony.dsar.fulfilment.process;

import java.util.List;

import org.harmony.dsar.fulfilment.ProcessorInstructions;
import org.springframework.stereotype.Component;

/**
 * The collection "Await processor confirmation" runs over: {@code ${openProcessorInstructions.of(requestId)}}, the
 * request's instructions that await a confirmation.
 */
@Component
public class OpenProcessorInstructions {

    private final ProcessorInstructions instructions;

    OpenProcessorInstructions(ProcessorInstructions instructions) {
        this.instructions = instructions;
    }

    public List<String> of(String requestId) {
        return instructions.openIds(requestId);
    }
}
