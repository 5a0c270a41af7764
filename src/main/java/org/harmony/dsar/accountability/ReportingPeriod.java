package org.harmony.dsar.accountability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The days a report covers, both included, counted in UTC. Without dates: the previous calendar year, the period
 * 11 CCR 7102(a) asks for.
 */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public static ReportingPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        Year previous = Year.from(today).minusYears(1);
        LocalDate start = from == null ? previous.atDay(1) : from;
        LocalDate end = to == null ? (from == null ? previous.atMonth(12).atEndOfMonth() : today) : to;
        if (end.isBefore(start)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period",
                    "The period's end (to) is before its start (from).");
        }
        return new ReportingPeriod(start, end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
