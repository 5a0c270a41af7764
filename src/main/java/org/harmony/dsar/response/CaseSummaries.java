package org.harmony.dsar.response;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestRepository;
import org.springframework.stereotype.Service;

/**
 * What the reviewer sees of a case beyond what the process variables hold: the verification outcome, what was
 * kept back and why, and how much time is left. No personal data of the requester.
 */
@Service
public class CaseSummaries {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.ENGLISH);

    private final RequestRepository requests;
    private final DeadlineService deadlines;
    private final DeadlineExtensions extensions;
    private final Clock clock;

    CaseSummaries(RequestRepository requests, DeadlineService deadlines, DeadlineExtensions extensions, Clock clock) {
        this.requests = requests;
        this.deadlines = deadlines;
        this.extensions = extensions;
        this.clock = clock;
    }

    public record CaseSummary(String verification, String keptBack, String timeLeft) {
    }

    public CaseSummary describe(String requestId, boolean legalHoldActive) {
        DsarRequest request = requests.get(requestId);
        String verification = request.verifiedAt() == null
                ? "Not verified"
                : "Email address confirmed on " + DATE.format(request.verifiedAt().atZone(request.jurisdiction().zone()))
                        + (request.agent() == null ? "" : "; made by an agent");
        String keptBack = legalHoldActive
                ? "A legal hold is active: data under the hold is kept (GDPR Art 17(3)(e)); check the hold before "
                        + "approving an erasure."
                : "No legal hold found; nothing was kept back. (Retention grounds per record arrive with the "
                        + "legal-hold registry.)";
        return new CaseSummary(verification, keptBack, timeLeft(request));
    }

    private String timeLeft(DsarRequest request) {
        if (request.dueAt() == null) {
            return "No due date yet";
        }
        long days = ChronoUnit.DAYS.between(clock.instant().atZone(request.jurisdiction().zone()).toLocalDate(),
                request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate());
        String due = DATE.format(request.dueAt().atZone(request.jurisdiction().zone()));
        String extended = extensions.latest(request.id()).map(e -> " (extended)").orElse("");
        if (days < 0) {
            return "OVERDUE by " + (-days) + " days: was due " + due + extended;
        }
        return days + " days (" + deadlines.businessDaysLeft(request) + " business days) left: due " + due
                + extended;
    }
}
