package org.harmony.dsar.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.harmony.dsar.deadline.process.DeadlineRules;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.springframework.stereotype.Service;

/**
 * Turns the response period the ResponseDeadline decision table gives (an ISO-8601 period such as P1M or P45D,
 * and how to count it) into the request's due date, counted in the jurisdiction's time zone from the day the
 * request was received. A month ends on the same date next month, or on its last day when there is no such date
 * (31 Jan + P1M = 28 Feb); where the table says so, a deadline on a non-working day moves to the next working day;
 * business days skip weekends, public holidays and closure days (see {@link BusinessCalendars}).
 */
@Service
public class DeadlineService {

    /** Whole seconds: databases keep at most microseconds, and 23:59:59.999999999 would round to the next day. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final RequestRepository requests;
    private final RequestEvents events;
    private final BusinessCalendars calendars;
    private final Clock clock;
    private final DeadlineRules rules;

    DeadlineService(RequestRepository requests, RequestEvents events, BusinessCalendars calendars, Clock clock,
            DeadlineRules rules) {
        this.requests = requests;
        this.events = events;
        this.calendars = calendars;
        this.clock = clock;
        this.rules = rules;
    }

    public Instant recordDueDate(String requestId, String responsePeriod, DeadlineCounting counting,
            String acknowledgementPeriod) {
        DsarRequest request = requests.get(requestId);
        Instant dueAt = dueAt(request.jurisdiction(), request.receivedAt(), parse(responsePeriod), counting);
        requests.updateDueAt(requestId, dueAt);
        String acknowledgeBy = acknowledgementPeriod == null ? ""
                : " acknowledgeBy=" + dueAt(request.jurisdiction(), request.receivedAt(), parse(acknowledgementPeriod),
                        DeadlineCounting.BUSINESS_DAYS);
        events.record(requestId, "DUE_DATE_SET", "period=" + responsePeriod + " counting=" + counting
                + " dueAt=" + dueAt + acknowledgeBy);
        return dueAt;
    }

    /**
     * Restarts the period on the day the clock starts (where the DeadlineClock table says it runs from
     * verification, as in the UK): the same arithmetic as {@link #recordDueDate}, counted from that day the way
     * the ResponseDeadline table says.
     */
    public Instant restartClockAt(String requestId, String responsePeriod, Instant clockStartsAt) {
        DsarRequest request = requests.get(requestId);
        DeadlineCounting counting = rules.responseDeadline(request.jurisdiction().code(), request.type())
                .counting();
        Instant dueAt = dueAt(request.jurisdiction(), clockStartsAt, parse(responsePeriod), counting);
        requests.updateDueAt(requestId, dueAt);
        events.record(requestId, "DUE_DATE_RESTARTED", "clockStartsAt=" + clockStartsAt + " period="
                + responsePeriod + " counting=" + counting + " dueAt=" + dueAt);
        return dueAt;
    }

    /** The due date a request of this type received at {@code receivedAt} gets, as {@link #recordDueDate} sets it. */
    public Instant dueIfReceivedAt(Jurisdiction jurisdiction, RequestType type, Instant receivedAt) {
        DeadlineRules.ResponseRule rule = rules.responseDeadline(jurisdiction.code(), type);
        return dueAt(jurisdiction, receivedAt, parse(rule.responsePeriod()), rule.counting());
    }

    /** The end of the last day of the period that starts on the day of {@code start}, in the jurisdiction's zone. */
    public Instant dueAt(Jurisdiction jurisdiction, Instant start, Period period, DeadlineCounting counting) {
        LocalDate first = start.atZone(jurisdiction.zone()).toLocalDate();
        return endOf(jurisdiction, lastDay(jurisdiction, first, period, counting));
    }

    /** A due date moved on by a further period (an extension), counted the same way. */
    public Instant extended(Jurisdiction jurisdiction, Instant dueAt, Period period, DeadlineCounting counting) {
        LocalDate previousLastDay = dueAt.atZone(jurisdiction.zone()).toLocalDate();
        return endOf(jurisdiction, lastDay(jurisdiction, previousLastDay, period, counting));
    }

    /** Working days from today to the request's last day, in its jurisdiction's calendar; negative days overdue. */
    public long businessDaysLeft(DsarRequest request) {
        LocalDate today = clock.instant().atZone(request.jurisdiction().zone()).toLocalDate();
        LocalDate lastDay = request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate();
        if (lastDay.isBefore(today)) {
            return -ChronoUnit.DAYS.between(lastDay, today);
        }
        return calendars.workingDaysBetween(request.jurisdiction(), today, lastDay);
    }

    LocalDate lastDay(Jurisdiction jurisdiction, LocalDate first, Period period, DeadlineCounting counting) {
        return switch (counting) {
            case CALENDAR -> first.plus(period);
            case CALENDAR_TO_WORKING_DAY -> calendars.onOrAfter(jurisdiction, first.plus(period));
            case BUSINESS_DAYS -> {
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw new IllegalArgumentException("Business days are counted in days only, not " + period);
                }
                yield calendars.plusBusinessDays(jurisdiction, first, period.getDays());
            }
        };
    }

    private static Instant endOf(Jurisdiction jurisdiction, LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(jurisdiction.zone()).toInstant();
    }

    static Period parse(String period) {
        try {
            Period parsed = Period.parse(period);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("A deadline period must be positive, not " + period);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + period + "' is not an ISO-8601 period such as P1M or P45D", e);
        }
    }
}
