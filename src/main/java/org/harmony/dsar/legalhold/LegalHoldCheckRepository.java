package org.harmony.dsar.legalhold;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmony.dsar.legalhold.HoldRules.Decision;
import org.harmony.dsar.legalhold.HoldRules.Item;
import org.harmony.dsar.legalhold.HoldRules.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded checks: one {@code legal_hold_check} per check, one {@code legal_hold_check_item} per table. */
@Repository
class LegalHoldCheckRepository {

    private final JdbcClient jdbc;

    LegalHoldCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String requestId, Instant checkedAt, Verdict verdict, String outcome) {
        String checkId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO legal_hold_check (id, request_id, checked_at, holds_found, outcome, subject_holds,
                    retention_keeps)
                VALUES (:id, :requestId, :at, :holds, :outcome, :subjectHolds, :retention)
                """)
                .param("id", checkId)
                .param("requestId", requestId)
                .param("at", Timestamp.from(checkedAt))
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
    }

    /** The items of the request's latest check. */
    List<CheckedItem> latestCheck(String requestId) {
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
}
