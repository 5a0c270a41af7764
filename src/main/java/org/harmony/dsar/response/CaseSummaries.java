package org.harmony.dsar.response;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.fulfilment.SubjectErasure;
import org.harmony.dsar.legalhold.LegalGrounds;
import org.harmony.dsar.legalhold.LegalHoldSummaries;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
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
    private final LegalHoldSummaries legalHolds;
    private final SubjectErasure erasure;
    private final DataSourceCatalogue catalogue;
    private final VerifiedIdentifiers identifiers;
    private final Clock clock;

    CaseSummaries(RequestRepository requests, DeadlineService deadlines, DeadlineExtensions extensions,
            LegalHoldSummaries legalHolds, SubjectErasure erasure, DataSourceCatalogue catalogue, VerifiedIdentifiers identifiers, Clock clock) {
        this.requests = requests;
        this.deadlines = deadlines;
        this.extensions = extensions;
        this.legalHolds = legalHolds;
        this.erasure = erasure;
        this.catalogue = catalogue;
        this.identifiers = identifiers;
        this.clock = clock;
    }

    /**
     * @param identifiers the identifiers the lookup used, masked, and why each was trusted
     */
    public record CaseSummary(String verification, String identifiers, String keptBack, String timeLeft) {
    }

    public CaseSummary describe(String requestId, boolean legalHoldActive) {
        DsarRequest request = requests.get(requestId);
        String verification = request.verifiedAt() == null
                ? "Not verified"
                : "Email address confirmed on " + DATE.format(request.verifiedAt().atZone(request.jurisdiction().zone()))
                        + (request.agent() == null ? "" : "; made by an agent");
        String keptBack = keptBack(requestId, legalHoldActive);
        return new CaseSummary(verification, identifiers.describe(requestId), keptBack, timeLeft(request));
    }

    /**
     * What was kept and why: after an erasure, its evidence per source and table (rows kept, reason code and its
     * meaning, the hold); before, what the legal-hold check keeps back.
     */
    private String keptBack(String requestId, boolean legalHoldActive) {
        List<String> lines = new ArrayList<>();
        List<SubjectErasure.Evidence> evidence = erasure.evidence(requestId);
        for (SubjectErasure.Evidence item : evidence) {
            if (item.rowsKept() > 0) {
                lines.add(catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName()) + " ("
                        + item.tableName() + "): kept " + item.rowsKept() + ", erased " + item.rowsErased() + " - "
                        + item.keptReason() + ": " + LegalGrounds.describe(item.keptReason(), Locale.ENGLISH)
                        + (item.legalHoldId() == null ? "" : " (legal hold " + item.legalHoldId() + ")"));
            }
        }
        if (evidence.isEmpty()) {
            lines.addAll(legalHolds.keptBack(requestId));
        }
        if (lines.isEmpty()) {
            return legalHoldActive ? "A legal hold is recorded for this request, but it keeps nothing the request"
                    + " touches." : "Nothing kept back: no legal hold or retention rule applies.";
        }
        return String.join("\n", lines);
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
