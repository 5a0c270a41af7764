package org.harmony.dsar.legalhold;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.SubjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal hold registry: holds are placed, reviewed and released, never deleted, and every change is an entry in
 * the hold's audit trail ({@code legal_hold_event}). A hold on a subject stores only the hash of the identifier.
 */
@Service
public class LegalHoldRegistry {

    private static final Logger log = LoggerFactory.getLogger(LegalHoldRegistry.class);

    private final JdbcClient jdbc;
    private final DataSourceCatalogue catalogue;
    private final Clock clock;
    private final KeyedHash hash;

    LegalHoldRegistry(JdbcClient jdbc, DataSourceCatalogue catalogue, Clock clock, KeyedHash hash) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
        this.hash = hash;
    }

    /** What placing a hold needs; the subject value is hashed at once and not kept. */
    public record NewHold(String matterReference, LegalHold.Scope scope, SubjectKey.Type subjectKeyType,
            String subjectValue, String sourceName, String category, String reasonCode, String note,
            LocalDate reviewAt) {
    }

    /** One change to a hold. */
    public record HoldEvent(String action, String actor, Instant occurredAt, String details) {
    }

    @Transactional
    public LegalHold place(NewHold hold, String placedBy) {
        validate(hold);
        SubjectKey key = hold.scope() == LegalHold.Scope.SUBJECT
                ? SubjectKey.of(hold.subjectKeyType(), hold.subjectValue(), hash) : null;
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO legal_hold (id, matter_reference, scope, subject_key_type, subject_hash, source_name,
                    category, reason_code, note, placed_by, placed_at, review_at)
                VALUES (:id, :matter, :scope, :keyType, :hash, :source, :category, :reason, :note, :by, :at, :review)
                """)
                .param("id", id)
                .param("matter", hold.matterReference().strip())
                .param("scope", hold.scope().name())
                .param("keyType", key == null ? null : key.type().name())
                .param("hash", key == null ? null : key.hash())
                .param("source", blankToNull(hold.sourceName()))
                .param("category", blankToNull(hold.category()))
                .param("reason", hold.reasonCode())
                .param("note", blankToNull(hold.note()))
                .param("by", placedBy)
                .param("at", Timestamp.from(now))
                .param("review", Date.valueOf(hold.reviewAt()))
                .update();
        LegalHold placed = get(id);
        event(id, "PLACED", placedBy, now, "scope=" + placed.describeScope() + "; matter=" + placed.matterReference()
                + "; reason=" + placed.reasonCode() + "; review=" + placed.reviewAt());
        log.info("Legal hold {} placed by {} on {} ({})", id, placedBy, placed.describeScope(), placed.reasonCode());
        return placed;
    }

    /** A new review date (and what the review found), recorded; a released hold cannot be reviewed. */
    @Transactional
    public LegalHold review(String id, LocalDate reviewAt, String note, String reviewedBy) {
        LegalHold hold = get(id);
        requireActive(hold);
        requireFuture(reviewAt);
        jdbc.sql("UPDATE legal_hold SET review_at = :review WHERE id = :id")
                .param("review", Date.valueOf(reviewAt)).param("id", id).update();
        event(id, "REVIEWED", reviewedBy, clock.instant(), "review=" + reviewAt + (note == null || note.isBlank()
                ? "" : "; note=" + note.strip()));
        log.info("Legal hold {} reviewed by {}, next review {}", id, reviewedBy, reviewAt);
        return get(id);
    }

    /** Releases a hold, once; the row and its history stay. */
    @Transactional
    public LegalHold release(String id, String note, String releasedBy) {
        LegalHold hold = get(id);
        requireActive(hold);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE legal_hold SET released_at = :at, released_by = :by, release_note = :note
                WHERE id = :id AND released_at IS NULL
                """)
                .param("at", Timestamp.from(now)).param("by", releasedBy).param("note", blankToNull(note))
                .param("id", id).update();
        if (updated == 0) {
            throw new HoldReleasedException(id);
        }
        event(id, "RELEASED", releasedBy, now, note == null || note.isBlank() ? null : "note=" + note.strip());
        log.info("Legal hold {} released by {}", id, releasedBy);
        return get(id);
    }

    public Optional<LegalHold> find(String id) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE id = :id").param("id", id).query(LegalHoldRegistry::hold)
                .optional();
    }

    public LegalHold get(String id) {
        return find(id).orElseThrow(() -> new HoldNotFoundException(id));
    }

    /** Holds in force (not released), oldest first. */
    public List<LegalHold> active() {
        return jdbc.sql("SELECT * FROM legal_hold WHERE released_at IS NULL ORDER BY placed_at, id")
                .query(LegalHoldRegistry::hold).list();
    }

    public List<LegalHold> all() {
        return jdbc.sql("SELECT * FROM legal_hold ORDER BY placed_at, id").query(LegalHoldRegistry::hold).list();
    }

    public List<HoldEvent> events(String id) {
        return jdbc.sql("""
                SELECT action, actor, occurred_at, details FROM legal_hold_event WHERE hold_id = :id
                ORDER BY event_no
                """).param("id", id)
                .query((rs, row) -> new HoldEvent(rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("details")))
                .list();
    }

    private void event(String holdId, String action, String actor, Instant at, String details) {
        jdbc.sql("""
                INSERT INTO legal_hold_event (id, hold_id, event_no, action, actor, occurred_at, details)
                VALUES (:id, :hold, (SELECT COUNT(*) + 1 FROM legal_hold_event WHERE hold_id = :hold), :action, :actor,
                    :at, :details)
                """)
                .param("id", UUID.randomUUID().toString()).param("hold", holdId).param("action", action)
                .param("actor", actor).param("at", Timestamp.from(at)).param("details", details)
                .update();
    }

    private void validate(NewHold hold) {
        List<String> problems = new ArrayList<>();
        if (!LegalGrounds.isKnown(hold.reasonCode())) {
            problems.add("reasonCode: must be one of " + LegalGrounds.codes());
        }
        boolean subject = hold.scope() == LegalHold.Scope.SUBJECT;
        boolean hasSubject = hold.subjectKeyType() != null || (hold.subjectValue() != null
                && !hold.subjectValue().isBlank());
        if (subject && (hold.subjectKeyType() == null || SubjectKey.of(hold.subjectKeyType(), hold.subjectValue(), hash) == null)) {
            problems.add("subject: a SUBJECT hold needs subject.type and subject.value");
        }
        if (!subject && hasSubject) {
            problems.add("subject: only a SUBJECT hold names a subject");
        }
        if (hold.scope() == LegalHold.Scope.SOURCE && blankToNull(hold.sourceName()) == null) {
            problems.add("sourceName: a SOURCE hold names the source");
        }
        if (hold.scope() == LegalHold.Scope.SOURCE && blankToNull(hold.category()) != null) {
            problems.add("category: a SOURCE hold holds the whole source; use a CATEGORY or SUBJECT hold");
        }
        if (hold.scope() == LegalHold.Scope.CATEGORY && blankToNull(hold.category()) == null) {
            problems.add("category: a CATEGORY hold names the category");
        }
        if (hold.scope() == LegalHold.Scope.CATEGORY && blankToNull(hold.sourceName()) != null) {
            problems.add("sourceName: a CATEGORY hold applies to every source with the category");
        }
        if (blankToNull(hold.sourceName()) != null && catalogue.find(hold.sourceName()).isEmpty()) {
            problems.add("sourceName: no source '" + hold.sourceName() + "' in the catalogue");
        }
        if (blankToNull(hold.category()) != null && catalogue.sources().stream()
                .noneMatch(source -> HoldRules.hasCategory(source, hold.category()))) {
            problems.add("category: no source of the catalogue holds the category '" + hold.category() + "'");
        }
        if (hold.reviewAt() != null && hold.reviewAt().isBefore(today())) {
            problems.add("reviewAt: must be today or later");
        }
        if (!problems.isEmpty()) {
            throw new InvalidHoldException(problems);
        }
    }

    private void requireActive(LegalHold hold) {
        if (!hold.active()) {
            throw new HoldReleasedException(hold.id());
        }
    }

    private void requireFuture(LocalDate reviewAt) {
        if (reviewAt.isBefore(today())) {
            throw new InvalidHoldException(List.of("reviewAt: must be today or later"));
        }
    }

    private LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LegalHold hold(ResultSet rs, int row) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        String keyType = rs.getString("subject_key_type");
        return new LegalHold(rs.getString("id"), rs.getString("matter_reference"),
                LegalHold.Scope.valueOf(rs.getString("scope")),
                keyType == null ? null : SubjectKey.Type.valueOf(keyType), rs.getString("subject_hash"),
                rs.getString("source_name"), rs.getString("category"), rs.getString("reason_code"),
                rs.getString("note"), rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
                rs.getDate("review_at").toLocalDate(), released == null ? null : released.toInstant(),
                rs.getString("released_by"), rs.getString("release_note"));
    }

    /** No hold with that id. */
    public static class HoldNotFoundException extends RuntimeException {
        HoldNotFoundException(String id) {
            super("No legal hold " + id);
        }
    }

    /** The hold was released already; released holds do not change. */
    public static class HoldReleasedException extends RuntimeException {
        HoldReleasedException(String id) {
            super("Legal hold " + id + " is released already");
        }
    }

    /** A hold that does not make sense: each entry names the field and what is wrong. */
    public static class InvalidHoldException extends RuntimeException {
        private final List<String> problems;

        InvalidHoldException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
