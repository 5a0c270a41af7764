package org.harmony.dsar.legalhold;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.HoldRules.Item;
import org.harmony.dsar.legalhold.HoldRules.Verdict;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.SubjectKey;
import org.harmony.dsar.lookup.SubjectParameters;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal-hold and retention check every request passes: which holds in the registry and which retention rules
 * of the catalogue keep which of the subject's data, per source and table, recorded in {@code legal_hold_check}
 * with one {@code legal_hold_check_item} per table ({@link LegalHoldCheckRepository}). Erasure asks again, per
 * source, right before it acts ({@link #keeps}), so that a hold placed while the request is in flight is respected.
 */
@Service
public class LegalHoldCheckService {

    private static final Logger log = LoggerFactory.getLogger(LegalHoldCheckService.class);

    private final LegalHoldCheckRepository checks;
    private final RequestEvents events;
    private final RequestRepository requests;
    private final SubjectDataLookup lookup;
    private final DataSourceCatalogue catalogue;
    private final LegalHoldRegistry registry;
    private final Clock clock;
    private final KeyedHash hash;

    LegalHoldCheckService(LegalHoldCheckRepository checks, RequestEvents events, RequestRepository requests,
            SubjectDataLookup lookup, DataSourceCatalogue catalogue, LegalHoldRegistry registry, Clock clock,
            KeyedHash hash) {
        this.checks = checks;
        this.events = events;
        this.requests = requests;
        this.lookup = lookup;
        this.catalogue = catalogue;
        this.registry = registry;
        this.clock = clock;
        this.hash = hash;
    }

    /** The counts of a check: what the decision table reads and the process carries (no personal data). */
    public record CheckResult(int subjectHolds, int otherHolds, int retentionKeeps, boolean everythingKept) {
        public int holdsFound() {
            return subjectHolds + otherHolds;
        }
    }

    /** Evaluates holds and retention rules for the request's subject now and records the result. */
    @Transactional
    public CheckResult check(String requestId) {
        DsarRequest request = requests.get(requestId);
        Verdict verdict = HoldRules.evaluate(request.type(), subjectKeys(request), registry.active(),
                catalogue.sources());
        String outcome = verdict.holdsFound() > 0 ? "HOLD" : verdict.retentionKeeps() > 0 ? "RETENTION" : "NO_HOLD";
        checks.record(requestId, clock.instant(), verdict, outcome);
        events.record(requestId, "LEGAL_HOLD_CHECKED", "holds=" + verdict.holdsFound() + " subjectHolds="
                + verdict.subjectHolds() + " retentionKeeps=" + verdict.retentionKeeps() + " outcome=" + outcome
                + (verdict.holdIds().isEmpty() ? "" : " holdIds=" + String.join(",", verdict.holdIds())));
        log.info("Request {}: legal-hold check found {} holds ({} on the subject), {} retention keeps",
                request.reference(), verdict.holdsFound(), verdict.subjectHolds(), verdict.retentionKeeps());
        return new CheckResult(verdict.subjectHolds(), verdict.otherHolds(), verdict.retentionKeeps(),
                verdict.everythingKept());
    }

    /**
     * What of one table an erasure must keep, and why, evaluated against the registry as it is now: call it inside
     * the transaction that erases the table. A hold keeps every row; otherwise the action's retention rule keeps
     * the rows inside its period.
     *
     * @return rows whose {@link Keep#column()} is at or after {@link Keep#keepFrom()} are kept (no column: all
     *         rows); empty keeps nothing
     */
    public Optional<Keep> keeps(String requestId, String sourceName, ErasureAction action) {
        DsarRequest request = requests.get(requestId);
        Source source = catalogue.source(sourceName);
        Item item = HoldRules.item(source, action, subjectKeys(request), registry.active());
        return switch (item.decision()) {
            case ACT -> Optional.empty();
            case KEEP -> Optional.of(new Keep(null, null, item.reasonCode(),
                    LegalGrounds.describe(item.reasonCode(), null), item.holdId()));
            case KEEP_RECENT -> Optional.of(new Keep(item.keepColumn(),
                    HoldRules.keepFrom(item.retention(), clock.instant()), item.reasonCode(),
                    item.retention().reason(), null));
        };
    }

    /** Rows whose column is at or after keepFrom are kept (all rows when column is null), for the reason given. */
    public record Keep(String column, Instant keepFrom, String reasonCode, String reason, String holdId) {
        public boolean keepsEverything() {
            return column == null;
        }
    }

    /** The request subject's keys: the email and the identifiers the requester gave as data points. */
    List<SubjectKey> subjectKeys(DsarRequest request) {
        SubjectParameters subject = lookup.subjectOf(request);
        List<SubjectKey> keys = new ArrayList<>();
        for (SubjectKey.Type type : SubjectKey.Type.values()) {
            String value = type == SubjectKey.Type.EMAIL ? request.email()
                    : subject.hasValue(type.dataPoint()) && subject.getValue(type.dataPoint()) != null
                            ? String.valueOf(subject.getValue(type.dataPoint())) : null;
            SubjectKey key = SubjectKey.of(type, value, hash);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }
}
