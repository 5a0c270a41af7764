package org.harmony.dsar.legalhold;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.HoldRules.Decision;
import org.harmony.dsar.legalhold.HoldRules.Item;
import org.harmony.dsar.legalhold.HoldRules.Verdict;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.SubjectParameters;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.harmony.dsar.lookup.SubjectKey;

/**
 * The legal-hold and retention check every request passes: which holds in the registry and which retention rules
 * of the catalogue keep which of the subject's data, per source and table, recorded in {@code legal_hold_check}
 * with one {@code legal_hold_check_item} per table. Erasure asks again, per source, right before it acts
 * ({@link #keeps}), so that a hold placed while the request is in flight is respected.
 */
@Service
public class LegalHoldCheckService {

    private static final Logger log = LoggerFactory.getLogger(LegalHoldCheckService.class);

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final RequestRepository requests;
    private final SubjectDataLookup lookup;
    private final DataSourceCatalogue catalogue;
    private final LegalHoldRegistry registry;
    private final Clock clock;
    private final KeyedHash hash;

    LegalHoldCheckService(JdbcClient jdbc, RequestEvents events, RequestRepository requests, SubjectDataLookup lookup,
            DataSourceCatalogue catalogue, LegalHoldRegistry registry, Clock clock, KeyedHash hash) {
        this.jdbc = jdbc;
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
        String checkId = UUID.randomUUID().toString();
        String outcome = verdict.holdsFound() > 0 ? "HOLD" : verdict.retentionKeeps() > 0 ? "RETENTION" : "NO_HOLD";
        jdbc.sql("""
                INSERT INTO legal_hold_check (id, request_id, checked_at, holds_found, outcome, subject_holds,
                    retention_keeps)
                VALUES (:id, :requestId, :at, :holds, :outcome, :subjectHolds, :retention)
                """)
                .param("id", checkId)
                .param("requestId", requestId)
                .param("at", Timestamp.from(clock.instant()))
                .param("holds", verdict.holdsFound())
                .param("outcome", outcome)
                .param("subjectHolds", verdict.subjectHolds())
                .param("retention", verdict.retentionKeeps())
                .update();
        for (Item item : verdict.items()) {
            jdbc.sql("""
                    INSERT INTO legal_hold_check_item (id, check_id, source_name, table_name, category, decision,
                        reason_code, hold_id)
                    VALUES (:id, :check, :source, :table, :category, :decision, :reason, :hold)
                    """)
                    .param("id", UUID.randomUUID().toString()).param("check", checkId)
                    .param("source", item.sourceName()).param("table", item.table()).param("category", item.category())
                    .param("decision", item.decision().name()).param("reason", item.reasonCode())
                    .param("hold", item.holdId())
                    .update();
        }
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

    /** The items of the request's latest check. */
    public List<CheckedItem> latestCheck(String requestId) {
        return jdbc.sql("""
                SELECT i.source_name, i.table_name, i.category, i.decision, i.reason_code, i.hold_id
                FROM legal_hold_check_item i
                WHERE i.check_id = (SELECT c.id FROM legal_hold_check c WHERE c.request_id = :requestId
                    ORDER BY c.checked_at DESC, c.id FETCH FIRST 1 ROWS ONLY)
                ORDER BY i.source_name, i.table_name
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new CheckedItem(rs.getString("source_name"), rs.getString("table_name"),
                        rs.getString("category"), Decision.valueOf(rs.getString("decision")),
                        rs.getString("reason_code"), rs.getString("hold_id")))
                .list();
    }

    /** One table's verdict in a recorded check. */
    public record CheckedItem(String sourceName, String table, String category, Decision decision, String reasonCode,
            String holdId) {
    }

    /**
     * What the legal reviewer reads: the holds and retention rules that apply and what would be kept, per source
     * and table; matter references and reason codes, no personal data.
     */
    public String reviewSummary(String requestId) {
        List<CheckedItem> items = latestCheck(requestId);
        List<String> lines = new ArrayList<>();
        items.stream().map(CheckedItem::holdId).filter(Objects::nonNull).distinct().forEach(holdId ->
                registry.find(holdId).ifPresent(hold -> lines.add("Hold " + hold.id() + " (matter "
                        + hold.matterReference() + ", " + hold.reasonCode() + ", placed by " + hold.placedBy()
                        + ", review by " + hold.reviewAt() + "): keeps " + hold.describeScope()
                        + (hold.active() ? "" : " [released since]"))));
        for (CheckedItem item : items) {
            String title = catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName());
            String what = title + ("*".equals(item.table()) ? "" : " (" + item.table() + ")");
            lines.add(switch (item.decision()) {
                case KEEP -> "Keep all: " + what + " - " + item.reasonCode() + ", hold " + item.holdId();
                case KEEP_RECENT -> "Keep within retention: " + what + " - " + item.reasonCode()
                        + retentionPeriod(item) + (item.category() == null ? "" : ", category " + item.category());
                case ACT -> "May act: " + what;
            });
        }
        return lines.isEmpty() ? "No sources to check." : String.join("\n", lines);
    }

    /** For the response reviewer: what the latest check keeps back, per source (no personal data). */
    public List<String> keptBack(String requestId) {
        List<String> lines = new ArrayList<>();
        for (CheckedItem item : latestCheck(requestId)) {
            String title = catalogue.find(item.sourceName()).map(Source::title).orElse(item.sourceName());
            if (item.decision() == Decision.KEEP) {
                lines.add(title + ": all kept under legal hold " + item.holdId() + " (" + item.reasonCode() + ")");
            } else if (item.decision() == Decision.KEEP_RECENT) {
                lines.add(title + ": records inside the retention period kept (" + item.reasonCode()
                        + retentionPeriod(item) + ")");
            }
        }
        return lines;
    }

    /** The holds the request's latest check found that are still active: those its legal review may release. */
    public List<LegalHold> releasableHolds(String requestId) {
        return latestCheck(requestId).stream().map(CheckedItem::holdId).filter(Objects::nonNull).distinct()
                .map(registry::find).flatMap(Optional::stream).filter(LegalHold::active).toList();
    }

    /** Whether the hold is one the request's latest check found; only those can be released in its review. */
    public boolean foundInLatestCheck(String requestId, String holdId) {
        return holdId != null && latestCheck(requestId).stream().anyMatch(item -> holdId.equals(item.holdId()));
    }

    /** The legal reviewer's choices. */
    public static final String CONFIRM_PARTIAL = "CONFIRM_PARTIAL";
    public static final String DENY = "DENY";
    public static final String RELEASE_HOLD = "RELEASE_HOLD";
    /** Reason codes a legal reviewer may deny with; the denial mail explains each. */
    public static final Set<String> DENIAL_REASONS = Set.of("LEGAL_HOLD", "LEGAL_OBLIGATION");

    /** Why a legal review may not be completed so; empty when it may. */
    public Optional<String> refusal(String requestId, String decision, String denialReason, String holdId) {
        if (decision == null || !Set.of(CONFIRM_PARTIAL, DENY, RELEASE_HOLD).contains(decision)) {
            return Optional.of("Choose confirm partial fulfilment, deny, or release a hold and proceed.");
        }
        if (DENY.equals(decision) && (denialReason == null || !DENIAL_REASONS.contains(denialReason))) {
            return Optional.of("A denial needs its reason code: one of " + new TreeSet<>(DENIAL_REASONS) + ".");
        }
        if (RELEASE_HOLD.equals(decision)) {
            if (!foundInLatestCheck(requestId, holdId)) {
                return Optional.of("Name a hold the check found for this request (see the list) to release it.");
            }
            if (registry.find(holdId).map(hold -> !hold.active()).orElse(true)) {
                return Optional.of("Hold " + holdId + " is released already; complete with another decision.");
            }
        }
        return Optional.empty();
    }

    /** Releases a hold from the legal review of a request; recorded on the hold and in the request's trail. */
    @Transactional
    public void releaseForReview(String requestId, String holdId, String note, String releasedBy) {
        DsarRequest request = requests.get(requestId);
        registry.release(holdId, "Released in the legal review of request " + request.reference()
                + (note == null || note.isBlank() ? "" : ": " + note.strip()), releasedBy);
        events.record(requestId, "LEGAL_HOLD_RELEASED", "hold=" + holdId + " by=" + releasedBy);
    }

    /**
     * Records the legal reviewer's decision in the request's audit trail.
     *
     * @return the check's outcome: PROCEED_PARTLY (confirmed), DENY, or RECHECK after a release
     */
    @Transactional
    public String recordReview(String requestId, String decision, String reasonCode, String releasedHoldId) {
        boolean release = RELEASE_HOLD.equals(decision);
        events.record(requestId, "LEGAL_REVIEW_COMPLETED", "decision=" + decision
                + (DENY.equals(decision) ? " reason=" + reasonCode : "")
                + (release ? " releasedHold=" + releasedHoldId : ""));
        return switch (decision) {
            case CONFIRM_PARTIAL -> "PROCEED_PARTLY";
            case DENY -> "DENY";
            case RELEASE_HOLD -> "RECHECK";
            default -> throw new IllegalArgumentException("Unknown legal review decision " + decision);
        };
    }

    private String retentionPeriod(CheckedItem item) {
        return catalogue.find(item.sourceName()).flatMap(source -> source.erasure().stream()
                .filter(action -> action.table().equals(item.table()) && action.retention() != null)
                .findFirst()).map(action -> ", " + action.retention().period() + " by " + action.retention().column())
                .orElse("");
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
