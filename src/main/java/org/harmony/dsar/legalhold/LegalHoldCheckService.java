package org.harmony.dsar.legalhold;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks whether a legal hold keeps any of the subject's data from being acted on, and records that the check
 * ran. The hold registry is not built yet, so the check finds none; the record shows when it was made.
 */
@Service
public class LegalHoldCheckService {

    /** Reason code of data kept under a legal hold. */
    public static final String LEGAL_HOLD = "GDPR-17-3-E-LEGAL-HOLD";
    static final String LEGAL_HOLD_REASON = "Kept under a legal hold, for the establishment, exercise or defence of"
            + " legal claims";

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    LegalHoldCheckService(JdbcClient jdbc, RequestEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Whether any hold applies to the request. */
    @Transactional
    public boolean check(String requestId) {
        int holdsFound = 0;
        String outcome = "NO_HOLD";
        jdbc.sql("""
                INSERT INTO legal_hold_check (id, request_id, checked_at, holds_found, outcome)
                VALUES (:id, :requestId, :at, :holds, :outcome)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("at", Timestamp.from(clock.instant()))
                .param("holds", holdsFound)
                .param("outcome", outcome)
                .update();
        events.record(requestId, "LEGAL_HOLD_CHECKED", "holds=" + holdsFound + " outcome=" + outcome);
        return holdsFound > 0;
    }

    /**
     * What of one table an erasure must keep, and why: the seam between erasure and the legal-hold and retention
     * check. When the request's last check found a hold, everything is kept (GDPR Art 17(3)(e)); otherwise what
     * the source's configured retention rule keeps. The hold registry will decide per source here.
     *
     * @return rows whose {@link Keep#column()} is at or after {@link Keep#keepFrom()} are kept (no column: all
     *         rows); empty keeps nothing
     */
    public Optional<Keep> keeps(String requestId, String sourceName, ErasureAction action) {
        int holds = jdbc.sql("""
                SELECT holds_found FROM legal_hold_check WHERE request_id = :requestId ORDER BY checked_at DESC
                """).param("requestId", requestId).query(Integer.class).list().stream().findFirst().orElse(0);
        if (holds > 0) {
            return Optional.of(new Keep(null, null, LEGAL_HOLD, LEGAL_HOLD_REASON));
        }
        RetentionRule rule = action.retention();
        if (rule == null) {
            return Optional.empty();
        }
        Instant keepFrom = clock.instant().atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
        return Optional.of(new Keep(rule.column(), keepFrom, rule.reasonCode(), rule.reason()));
    }

    /** Rows whose column is at or after keepFrom are kept (all rows when column is null), for the reason given. */
    public record Keep(String column, Instant keepFrom, String reasonCode, String reason) {
        public boolean keepsEverything() {
            return column == null;
        }
    }
}
