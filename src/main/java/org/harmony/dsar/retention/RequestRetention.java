package org.harmony.dsar.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.inbox.IncomingMails;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.mail.PostalLetters;
import org.harmony.dsar.operations.RequestMetrics;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.verification.IdentityEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing of a subject's records is kept longer than its request: when a request ends, whatever its type and outcome,
 * the copies made for it go. Lookup records (files), packages never released, identity documents, the officer's
 * questions and the requester's answers, the data points and verified identifiers, the values of corrections, the
 * mails to the privacy mailbox that started or answered it, the PDFs of letters posted to a requester without an
 * email address. A released package stays for its download period and is then
 * deleted by {@link RetentionCleanup}, which also removes files a crash left behind.
 *
 * <p>Kept on purpose (docs/security.md, "Nothing kept longer than needed"): the request record (reference, type, email, name,
 * text, dates), the audit trail, erasure evidence, suppression entries (a hash), the consents a withdrawal named
 * (catalogue names), objection decisions (with the company's grounds), restriction lifts (evidence),
 * declarations, and sent-mail records,
 * for {@code dsar.records.retention} after the request ended ({@link RecordsPurge}). Ending a request is also when it
 * is counted ({@link RequestMetrics#ended}).
 */
@Service
public class RequestRetention {

    private static final Logger log = LoggerFactory.getLogger(RequestRetention.class);

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final SubjectDataLookup lookup;
    private final VerifiedIdentifiers identifiers;
    private final IdentityEvidence evidence;
    private final AccessPackages packages;
    private final RequestMetrics metrics;
    private final IncomingMails incomingMails;
    private final PostalLetters postalLetters;
    private final Clock clock;

    RequestRetention(JdbcClient jdbc, RequestRepository requests, RequestEvents events, SubjectDataLookup lookup,
            VerifiedIdentifiers identifiers, IdentityEvidence evidence, AccessPackages packages,
            RequestMetrics metrics, IncomingMails incomingMails, PostalLetters postalLetters, Clock clock) {
        this.metrics = metrics;
        this.incomingMails = incomingMails;
        this.postalLetters = postalLetters;
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.lookup = lookup;
        this.identifiers = identifiers;
        this.evidence = evidence;
        this.packages = packages;
        this.clock = clock;
    }

    /** Deletes the copies of the subject's data that the request made; idempotent. */
    @Transactional
    public void requestEnded(String requestId) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.sql("UPDATE dsar_request SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("now", now).param("id", requestId).update() == 1) {
            metrics.ended(requestId);
        }
        jdbc.sql("UPDATE dsar_request SET data_points = NULL, transmit_to = NULL WHERE id = :id")
                .param("id", requestId).update();
        int identifierValues = identifiers.forget(requestId);
        int documents = evidence.eraseDocuments(requestId);
        int questions = evidence.forgetQuestions(requestId);
        int corrections = jdbc.sql("""
                UPDATE rectification_item SET current_value = NULL, requested_value = '' WHERE request_id = :id
                    AND (current_value IS NOT NULL OR requested_value <> '')
                """).param("id", requestId).update();
        jdbc.sql("UPDATE lookup_result SET records_json = NULL WHERE request_id = :id AND records_json IS NOT NULL")
                .param("id", requestId).update();
        int discarded = packages.discardUnreleased(requestId, "request ended");
        int mails = incomingMails.eraseForRequest(requestId);
        int letters = postalLetters.eraseForRequest(requestId);
        jdbc.sql("DELETE FROM repeated_submission WHERE request_id = :id").param("id", requestId).update();
        int scans = jdbc.sql("DELETE FROM letter_scan WHERE request_id = :id").param("id", requestId).update();
        lookup.deleteRecords(requestId);
        events.record(requestId, "REQUEST_DATA_DELETED", "lookupRecords=deleted identifierValues=" + identifierValues
                + " documents=" + documents + " questions=" + questions + " corrections=" + corrections
                + " unreleasedPackages=" + discarded + " mails=" + mails + " letters=" + letters + " scans=" + scans);
        log.info("Request {} ended: copies of the subject's data deleted", requests.get(requestId).reference());
    }

    /**
     * Deletes the lookup records of requests that have ended and package files no package in use points to (left by
     * a crash). Returns for how many requests lookup records and how many package files were removed.
     */
    public int sweep() {
        Set<String> onDisk = lookup.requestsWithRecords();
        int removed = 0;
        if (!onDisk.isEmpty()) {
            Set<String> open = Set.copyOf(jdbc.sql("SELECT id FROM dsar_request WHERE ended_at IS NULL")
                    .query(String.class).list());
            for (String requestId : onDisk) {
                if (!open.contains(requestId)) {
                    lookup.deleteRecords(requestId);
                    removed++;
                }
            }
        }
        return removed + packages.deleteOrphanFiles();
    }
}
