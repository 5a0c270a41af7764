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
     * check. Today it keeps what the source's configured retention rule keeps; the hold registry will add holds
     * here (keep everything, reason LEGAL_HOLD).
     *
     * @return rows whose {@link Keep#column()} is at or after {@link Keep#keepFrom()} are kept; empty keeps nothing
     */
    public Optional<Keep> keeps(String requestId, String sourceName, ErasureAction action) {
        RetentionRule rule = action.retention();
        if (rule == null) {
            return Optional.empty();
        }
        Instant keepFrom = clock.instant().atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
        return Optional.of(new Keep(rule.column(), keepFrom, rule.reasonCode(), rule.reason()));
    }

    /** Rows whose column is at or after keepFrom are kept, for the reason given by its code. */
    public record Keep(String column, Instant keepFrom, String reasonCode, String reason) {
    }
}
