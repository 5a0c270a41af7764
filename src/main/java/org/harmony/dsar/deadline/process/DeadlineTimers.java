package org.harmony.dsar.deadline.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The moments the deadline timers of DsarProcess fire, for use in their expressions, for example
 * {@code ${deadlineTimers.reminderCycle(execution, 7)}}. Before the due date is known the timers wait at
 * {@link #NOT_SCHEDULED}; {@link CaseDueDates} recalculates them whenever the due date is set or changes.
 */
@Component("deadlineTimers")
public class DeadlineTimers {

    /** Where a timer waits until the due date is known. */
    static final Instant NOT_SCHEDULED = Instant.parse("9000-01-01T00:00:00Z");
    /** A reminder fires once per due date: after firing it rests a decade, unless a new due date re-arms it. */
    private static final String DORMANT_AFTER_FIRING = "P10Y";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final BusinessCalendars calendars;
    private final DeadlineProperties properties;

    public DeadlineTimers(BusinessCalendars calendars, DeadlineProperties properties) {
        this.calendars = calendars;
        this.properties = properties;
    }

    /** At the reminder time of the working day {@code businessDaysBefore} working days before the last day. */
    public Instant reminderAt(Instant dueAt, Jurisdiction jurisdiction, int businessDaysBefore) {
        LocalDate lastDay = dueAt.atZone(jurisdiction.zone()).toLocalDate();
        LocalDate day = calendars.minusBusinessDays(jurisdiction, lastDay, businessDaysBefore);
        return day.atTime(properties.reminderTime()).atZone(jurisdiction.zone()).toInstant();
    }

    /** A timer cycle (ISO-8601 repeating interval) whose first firing is the reminder for the case's due date. */
    public String reminderCycle(VariableScope execution, long businessDaysBefore) {
        Date dueAt = DsarVariables.DUE_AT.fromOrNull(execution);
        Instant first = dueAt == null ? NOT_SCHEDULED : reminderAt(dueAt.toInstant(),
                Jurisdiction.ofCode(DsarVariables.JURISDICTION.from(execution)), Math.toIntExact(businessDaysBefore));
        return "R/" + ISO.format(first) + "/" + DORMANT_AFTER_FIRING;
    }

    /** The first second after the case's due date: the request is overdue. */
    public Date breachAt(VariableScope execution) {
        Date dueAt = DsarVariables.DUE_AT.fromOrNull(execution);
        return Date.from(dueAt == null ? NOT_SCHEDULED : dueAt.toInstant().plus(Duration.ofSeconds(1)));
    }
}
