package org.harmony.dsar.deadline.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Lets a process designer write business days wherever the engine takes a duration: a timer's duration or a user
 * task's due date can say {@code 1 business day} or {@code 7 business days}. They are counted on the calendar of
 * the request's jurisdiction (the {@code jurisdiction} variable), else of {@code dsar.deadlines.default-jurisdiction};
 * the result keeps the time of day. Every other description (ISO-8601 durations and dates) goes to the engine's own
 * calendars unchanged.
 */
@Component
public class BusinessDayCalendarPlugin extends AbstractProcessEnginePlugin {

    private static final Pattern BUSINESS_DAYS = Pattern.compile("\\s*(\\d{1,3})\\s+business\\s+days?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final BusinessCalendars calendars;
    private final DeadlineProperties properties;

    public BusinessDayCalendarPlugin(BusinessCalendars calendars, DeadlineProperties properties) {
        this.calendars = calendars;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new BusinessDays(new DurationBusinessCalendar()));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new BusinessDays(new DueDateBusinessCalendar()));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);
    }

    /** Understands "N business days"; passes everything else to the engine's calendar. */
    final class BusinessDays implements BusinessCalendar {

        private final BusinessCalendar engineCalendar;

        BusinessDays(BusinessCalendar engineCalendar) {
            this.engineCalendar = engineCalendar;
        }

        @Override
        public Date resolveDuedate(String description) {
            return resolveDuedate(description, (Date) null);
        }

        @Override
        public Date resolveDuedate(String description, Date startDate) {
            Matcher days = BUSINESS_DAYS.matcher(description);
            if (!days.matches()) {
                return engineCalendar.resolveDuedate(description, startDate);
            }
            BpmnExecutionContext context = Context.getBpmnExecutionContext();
            return add(days, startDate, context == null ? null : context.getExecution());
        }

        @Override
        public Date resolveDuedate(String description, Task task) {
            Matcher days = BUSINESS_DAYS.matcher(description);
            if (!days.matches()) {
                return engineCalendar.resolveDuedate(description, task);
            }
            VariableScope scope = task instanceof TaskEntity entity ? entity.getExecution() : null;
            return add(days, null, scope);
        }

        private Date add(Matcher days, Date startDate, VariableScope scope) {
            Jurisdiction jurisdiction = jurisdictionOf(scope);
            Instant start = startDate == null ? ClockUtil.getCurrentTime().toInstant() : startDate.toInstant();
            ZonedDateTime local = start.atZone(jurisdiction.zone());
            LocalDate day = calendars.plusBusinessDays(jurisdiction, local.toLocalDate(),
                    Integer.parseInt(days.group(1)));
            return Date.from(day.atTime(local.toLocalTime()).atZone(jurisdiction.zone()).toInstant());
        }

        private Jurisdiction jurisdictionOf(VariableScope scope) {
            String code = scope == null ? null : DsarVariables.JURISDICTION.fromOrNull(scope);
            return Jurisdiction.fromCode(code == null ? properties.defaultJurisdiction() : code)
                    .orElseGet(() -> Jurisdiction.ofCode(properties.defaultJurisdiction()));
        }
    }
}
