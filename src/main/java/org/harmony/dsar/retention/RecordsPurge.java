package org.harmony.dsar.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.harmony.dsar.kernel.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the engine's records of requests that ended longer ago than {@code dsar.records.retention}: the request
 * row, its audit trail, verification, token and mail records, lookup counts, package rows, extensions, identity
 * evidence, erasure evidence, corrections, outcomes, legal-hold checks, the consents a withdrawal named, objection decisions and restriction lifts. A suppression entry (a hash and its scope)
 * stays, unlinked: the subject's opt-out or objection must outlive the request. The engine's history of the request
 * goes by its history time to live ({@code process.EngineHistoryRetention}). Runs on one node at a time ({@link ClusterLock}).
 */
@Service
public class RecordsPurge {

    static final String LOCK = "records-purge";

    private static final Logger log = LoggerFactory.getLogger(RecordsPurge.class);

    /** Per-request tables, children before parents; {@code :ids} are the requests being deleted. */
    private static final List<String> DELETIONS = List.of(
            "DELETE FROM legal_hold_check_item WHERE check_id IN"
                    + " (SELECT id FROM legal_hold_check WHERE request_id IN (:ids))",
            "DELETE FROM legal_hold_check WHERE request_id IN (:ids)",
            "DELETE FROM request_event WHERE request_id IN (:ids)",
            "DELETE FROM verification_code WHERE request_id IN (:ids)",
            "DELETE FROM requester_token WHERE request_id IN (:ids)",
            "DELETE FROM sent_mail WHERE request_id IN (:ids)",
            "DELETE FROM lookup_result WHERE request_id IN (:ids)",
            "DELETE FROM access_package WHERE request_id IN (:ids)",
            "DELETE FROM request_file_chunk WHERE file_id IN (SELECT id FROM request_file WHERE request_id IN (:ids))",
            "DELETE FROM request_file WHERE request_id IN (:ids)",
            "DELETE FROM deadline_extension WHERE request_id IN (:ids)",
            "DELETE FROM verification_document WHERE request_id IN (:ids)",
            "DELETE FROM identity_declaration WHERE request_id IN (:ids)",
            "DELETE FROM identity_question WHERE request_id IN (:ids)",
            "DELETE FROM erasure_evidence WHERE request_id IN (:ids)",
            "DELETE FROM rectification_item WHERE request_id IN (:ids)",
            "DELETE FROM fulfilment_outcome WHERE request_id IN (:ids)",
            "DELETE FROM recipient_notice WHERE request_id IN (:ids)",
            "DELETE FROM processor_instruction WHERE request_id IN (:ids)",
            "DELETE FROM verified_identifier WHERE request_id IN (:ids)",
            "DELETE FROM incoming_mail_attachment WHERE mail_id IN"
                    + " (SELECT id FROM incoming_mail WHERE request_id IN (:ids))",
            "DELETE FROM incoming_mail WHERE request_id IN (:ids)",
            "DELETE FROM postal_letter WHERE request_id IN (:ids)",
            "DELETE FROM appeal WHERE request_id IN (:ids)",
            "DELETE FROM request_link WHERE request_id IN (:ids) OR linked_request_id IN (:ids)",
            "DELETE FROM repeated_submission WHERE request_id IN (:ids)",
            "DELETE FROM request_fee WHERE request_id IN (:ids)",
            "DELETE FROM letter_scan WHERE request_id IN (:ids)",
            "DELETE FROM request_consent WHERE request_id IN (:ids)",
            "DELETE FROM request_objection WHERE request_id IN (:ids)",
            "DELETE FROM restriction_lift WHERE request_id IN (:ids)",
            "UPDATE suppression_entry SET request_id = NULL WHERE request_id IN (:ids)",
            "DELETE FROM dsar_request WHERE id IN (:ids)");

    /** The tables {@link #DELETIONS} covers: a table that refers to a request and is not here blocks the purge. */
    public static final List<String> TABLES = List.of("legal_hold_check_item", "legal_hold_check", "request_event",
            "verification_code", "requester_token", "sent_mail", "lookup_result", "access_package",
            "request_file", "deadline_extension", "verification_document", "identity_declaration", "identity_question",
            "erasure_evidence", "rectification_item", "fulfilment_outcome", "recipient_notice", "processor_instruction",
            "verified_identifier", "incoming_mail", "postal_letter", "request_link", "repeated_submission", "request_fee",
            "letter_scan", "appeal", "request_consent", "request_objection", "restriction_lift", "suppression_entry");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClusterLock lock;
    private final RecordsProperties properties;
    private final Clock clock;

    RecordsPurge(JdbcClient jdbc, TransactionTemplate transactions, ClusterLock lock, RecordsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${dsar.records.purge-cron:0 30 3 * * *}")
    void scheduled() {
        purge();
    }

    /**
     * Deletes the records of every request that ended before the retention period; how many requests were deleted,
     * or -1 when another node is purging.
     */
    public int purge() {
        if (!lock.tryLock(LOCK, Duration.ofHours(1))) {
            log.info("Records purge: another node is purging");
            return -1;
        }
        try {
            Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(properties.retention()).toInstant();
            int deleted = 0;
            for (List<String> ids = ended(cutoff); !ids.isEmpty(); ids = ended(cutoff)) {
                List<String> batch = ids;
                transactions.executeWithoutResult(status -> DELETIONS.forEach(sql ->
                        jdbc.sql(sql).param("ids", batch).update()));
                deleted += batch.size();
            }
            if (deleted > 0) {
                log.info("Records purge: the records of {} requests that ended before {} were deleted", deleted,
                        cutoff);
            }
            return deleted;
        } finally {
            lock.release(LOCK);
        }
    }

    private List<String> ended(Instant cutoff) {
        return jdbc.sql("SELECT id FROM dsar_request WHERE ended_at < :cutoff ORDER BY ended_at FETCH FIRST "
                        + properties.batchSize() + " ROWS ONLY")
                .param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
    }
}
