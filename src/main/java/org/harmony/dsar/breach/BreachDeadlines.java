package org.harmony.dsar.breach;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.harmony.dsar.breach.process.BreachNoticeDeadlineTable;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * When notices are due: the earliest of the company's promise ({@code dsar.breach.promise-business-days} business
 * days from detection, at the same time of day, on the promise jurisdiction's business calendar) and the fixed
 * periods of the breach's laws (decision table {@code BreachNoticeDeadline}); and when the authority must have been
 * told: the earliest of the laws' periods and {@code dsar.breach.authority-period}.
 */
@Component
class BreachDeadlines {

    private final BreachNoticeDeadlineTable table;
    private final BusinessCalendars calendars;
    private final BreachProperties properties;

    BreachDeadlines(BreachNoticeDeadlineTable table, BusinessCalendars calendars, BreachProperties properties) {
        this.table = table;
        this.calendars = calendars;
        this.properties = properties;
    }

    /** @param noticeDueReason the rule that set the notice deadline, for the record and the DPO */
    record Deadlines(Instant noticeDueAt, String noticeDueReason, Instant authorityDueAt) {
    }

    private record Candidate(Instant at, String reason) {
    }

    Deadlines of(Instant detectedAt, List<Jurisdiction> jurisdictions) {
        List<Candidate> notice = new ArrayList<>();
        List<Candidate> authority = new ArrayList<>();
        authority.add(new Candidate(detectedAt.plus(properties.authorityPeriod()),
                "engine default " + properties.authorityPeriod()));
        if (properties.promiseBusinessDays() > 0) {
            Jurisdiction calendar = Jurisdiction.ofCode(properties.promiseJurisdiction());
            notice.add(new Candidate(plus(detectedAt, "P" + properties.promiseBusinessDays() + "D", "BUSINESS_DAYS",
                    calendar), "company promise: " + properties.promiseBusinessDays() + " business day(s)"));
        }
        for (Jurisdiction jurisdiction : jurisdictions) {
            BreachNoticeDeadlineTable.Periods periods = table.of(jurisdiction);
            String subjectPeriod = periods.subjectNoticePeriod();
            if (subjectPeriod != null && !subjectPeriod.isBlank()) {
                notice.add(new Candidate(plus(detectedAt, subjectPeriod, periods.subjectNoticeCounting(),
                        jurisdiction), jurisdiction.law() + ": " + subjectPeriod));
            }
            String authorityPeriod = periods.authorityNoticePeriod();
            if (authorityPeriod != null && !authorityPeriod.isBlank()) {
                authority.add(new Candidate(plus(detectedAt, authorityPeriod, periods.authorityNoticeCounting(),
                        jurisdiction), jurisdiction.law() + ": " + authorityPeriod));
            }
        }
        Candidate authorityDue = earliest(authority);
        // No promise and no fixed period in law ("without undue delay"): the authority's deadline is the latest
        // defensible moment for people too.
        Candidate noticeDue = notice.isEmpty()
                ? new Candidate(authorityDue.at(), "without undue delay; no fixed period, so " + authorityDue.reason())
                : earliest(notice);
        return new Deadlines(noticeDue.at(), noticeDue.reason(), authorityDue.at());
    }

    private static Candidate earliest(List<Candidate> candidates) {
        return candidates.stream().min(Comparator.comparing(Candidate::at)).orElseThrow();
    }

    /** A duration (PT72H) is elapsed time; a period (P3D) counts calendar or business days in the local zone. */
    private Instant plus(Instant from, String period, String counting, Jurisdiction jurisdiction) {
        if (period.startsWith("PT")) {
            return from.plus(Duration.parse(period));
        }
        ZonedDateTime local = from.atZone(jurisdiction.zone());
        Period parsed = Period.parse(period);
        if ("BUSINESS_DAYS".equals(counting)) {
            return calendars.plusBusinessDays(jurisdiction, local.toLocalDate(), parsed.getDays())
                    .atTime(local.toLocalTime()).atZone(jurisdiction.zone()).toInstant();
        }
        return local.plus(parsed).toInstant();
    }
}
