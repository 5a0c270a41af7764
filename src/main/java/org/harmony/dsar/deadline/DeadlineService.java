package org.harmony.dsar.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.springframework.stereotype.Service;

/**
 * Turns the response period the ResponseDeadline decision table gives (an ISO-8601 period such as P1M or P45D)
 * into the request's due date, counted in the jurisdiction's time zone from the day the request was received.
 * A month ends on the same date next month, or on its last day when there is no such date (31 Jan + P1M = 28 Feb).
 */
@Service
public class DeadlineService {

    /** Whole seconds: databases keep at most microseconds, and 23:59:59.999999999 would round to the next day. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final RequestRepository requests;
    private final RequestEvents events;

    DeadlineService(RequestRepository requests, RequestEvents events) {
        this.requests = requests;
        this.events = events;
    }

    public Instant recordDueDate(String requestId, String responsePeriod) {
        DsarRequest request = requests.get(requestId);
        Instant dueAt = dueAt(request, parse(responsePeriod));
        requests.updateDueAt(requestId, dueAt);
        events.record(requestId, "DUE_DATE_SET", "period=" + responsePeriod + " dueAt=" + dueAt);
        return dueAt;
    }

    /**
     * Restarts the period on the day the clock starts (where the DeadlineClock table says it runs from
     * verification, as in the UK): the same arithmetic as {@link #recordDueDate}, counted from that day.
     */
    public Instant restartClockAt(String requestId, String responsePeriod, Instant clockStartsAt) {
        DsarRequest request = requests.get(requestId);
        DsarRequest fromClockStart = new DsarRequest(request.id(), request.reference(), request.type(),
                request.jurisdiction(), request.email(), request.fullName(), request.details(),
                request.dataPointsJson(), request.agent(), request.language(), request.stage(), clockStartsAt,
                request.dueAt(), request.verifiedAt(), request.completedAt());
        Instant dueAt = dueAt(fromClockStart, parse(responsePeriod));
        requests.updateDueAt(requestId, dueAt);
        events.record(requestId, "DUE_DATE_RESTARTED", "clockStartsAt=" + clockStartsAt + " period="
                + responsePeriod + " dueAt=" + dueAt);
        return dueAt;
    }

    /** The end of the last day of the period, in the jurisdiction's time zone. */
    static Instant dueAt(DsarRequest request, Period period) {
        LocalDate received = request.receivedAt().atZone(request.jurisdiction().zone()).toLocalDate();
        LocalDate lastDay = received.plus(period);
        return lastDay.atTime(END_OF_DAY).atZone(request.jurisdiction().zone()).toInstant();
    }

    private static Period parse(String responsePeriod) {
        try {
            Period period = Period.parse(responsePeriod);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("ResponseDeadline gave a period that is not positive: "
                        + responsePeriod);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ResponseDeadline gave '" + responsePeriod
                    + "', which is not an ISO-8601 period such as P1M or P45D", e);
        }
    }
}
