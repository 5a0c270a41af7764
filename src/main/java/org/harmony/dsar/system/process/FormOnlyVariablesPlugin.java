package org.harmony.dsar.system.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.harmony.dsar.appeal.process.AppealVariables;
import org.harmony.dsar.inbox.process.MailIntakeVariables;
import org.harmony.dsar.intake.process.LoggedRequestVariables;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps variables that exist only for a task form out of the history tables. The masked comparison a compliance
 * officer sees in "Review identity" (the last characters of what was submitted and what is on record) is task-local
 * and ends with the task, but at history level audit the engine would keep every value it had in ACT_HI_VARINST for
 * the history time to live. Its history events are dropped, as are those of the identifiers (masked) and the
 * transmission address a reviewer sees in "Review response" and "Legal review", of the requester's mails and of the requester's answer to the officer's
 * question shown in the next task, and of the mail and the requester's details in "Triage incoming request" and
 * the start form of a logged request, of the requester's statement and the reviewer's reasons (kept in the appeal
 * table) in "Decide appeal", and of the options and rows that feed a form's select or table; everything
 * else is written as usual.
 */
@Component
public class FormOnlyVariablesPlugin extends AbstractProcessEnginePlugin {

    /** Variables shown to a reviewer while a task is open and never kept. */
    public static final Set<String> FORM_ONLY = Set.of(DsarVariables.IDENTITY_COMPARISON.name(),
            DsarVariables.CASE_IDENTIFIERS.name(), DsarVariables.REQUESTER_MESSAGES.name(),
            DsarVariables.TRANSMISSION_DESTINATION.name(),
            MailIntakeVariables.INCOMING_MAIL.name(), MailIntakeVariables.REQUESTER_EMAIL.name(),
            MailIntakeVariables.REQUESTER_NAME.name(), MailIntakeVariables.TRIAGE_REASON.name(),
            LoggedRequestVariables.POSTAL_ADDRESS.name(), LoggedRequestVariables.REQUEST_DETAILS.name(),
            LoggedRequestVariables.LATE_ENTRY_REASON.name(), DsarVariables.RELEASABLE_HOLDS.name(),
            DsarVariables.CORRECTIONS_OVERVIEW.name(),
            DsarVariables.REQUESTER_ANSWER.name(), AppealVariables.APPEAL_STATEMENT.name(),
            AppealVariables.APPEAL_DECISION_REASONS.name());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new FormOnlyVariablesDroppingHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's own database history handler, minus the events of form-only variables. */
    static final class FormOnlyVariablesDroppingHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && FORM_ONLY.contains(variable.getVariableName())) {
                return;
            }
            super.handleEvent(event);
        }
    }
}
