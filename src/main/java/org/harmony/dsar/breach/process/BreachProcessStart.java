package org.harmony.dsar.breach.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.breach.Breach;
import org.harmony.dsar.breach.BreachProperties;
import org.harmony.dsar.breach.BreachRecords;
import org.harmony.dsar.breach.NewBreach;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a breach and starts its process in one transaction, all or nothing. */
@Service
public class BreachProcessStart {

    private final BreachRecords records;
    private final BreachProperties properties;
    private final RuntimeService runtime;

    BreachProcessStart(BreachRecords records, BreachProperties properties, RuntimeService runtime) {
        this.records = records;
        this.properties = properties;
        this.runtime = runtime;
    }

    /**
     * Records the breach, adds the people named explicitly, and starts its process.
     *
     * @throws ApiProblem 422 when the breach cannot be notified as described
     */
    @Transactional
    public Breach start(NewBreach body, String userId) {
        Breach breach = records.record(body, userId);
        runtime.startProcessInstanceByKey(BreachVariables.PROCESS_KEY, breach.reference(), variables(breach));
        return breach;
    }

    /** What the breach's process starts with: references, deadlines and the number of senders. */
    Map<String, Object> variables(Breach breach) {
        Map<String, Object> variables = new HashMap<>();
        BreachVariables.BREACH_ID.into(variables, breach.id());
        BreachVariables.BREACH_REFERENCE.into(variables, breach.reference());
        BreachVariables.NOTICE_DUE_AT.into(variables, Date.from(breach.noticeDueAt()));
        BreachVariables.AUTHORITY_DUE_AT.into(variables, Date.from(breach.authorityDueAt()));
        BreachVariables.SENDING_SLOTS.into(variables, properties.sendingSlots());
        return variables;
    }
}
