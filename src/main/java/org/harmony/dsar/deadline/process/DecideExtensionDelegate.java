package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Asks the DeadlineExtension decision table whether the jurisdiction allows the extension, and for how long. */
@Component
class DecideExtensionDelegate implements JavaDelegate {

    private final DeadlineRules rules;

    DecideExtensionDelegate(DeadlineRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineRules.ExtensionRule rule = rules.extension(DsarVariables.JURISDICTION.from(execution),
                DeadlineExtensionVariables.EXTENSIONS_GRANTED.from(execution),
                DeadlineExtensionVariables.BEFORE_ORIGINAL_DEADLINE.from(execution));
        DeadlineExtensionVariables.EXTENSION_ALLOWED.on(execution, rule.allowed());
        DeadlineExtensionVariables.EXTENSION_PERIOD.on(execution, rule.extensionPeriod());
        DeadlineExtensionVariables.EXTENSION_REFUSAL.on(execution, rule.refusal());
    }
}
