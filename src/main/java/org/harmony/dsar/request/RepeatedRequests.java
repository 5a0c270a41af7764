package org.harmony.dsar.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests that repeat an open one of the same person for the same right. An identical request (same email, right
 * and jurisdiction) while the first still awaits its identity check within a day is the same case: a flood of them
 * (the verification flood of advisory GHSA-qx5f-ghc2-7g5c) starts no process and sends no mail. Any other repeat is
 * a request of its own, linked to the open ones, and the reviewer decides to answer both or to merge.
 */
@Component
public class RepeatedRequests {

    private static final Duration SAME_CASE_WITHIN = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    RepeatedRequests(JdbcClient jdbc, RequestEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The open, not yet verified request this one is identical to, received within a day. */
    public Optional<String> sameCase(String email, RequestType type, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                SELECT id FROM dsar_request WHERE LOWER(email) = :email AND request_type = :type
                    AND jurisdiction = :jurisdiction AND ended_at IS NULL AND completed_at IS NULL
                    AND identity_verified_at IS NULL AND verified_at IS NULL AND received_at > :since
                ORDER BY received_at LIMIT 1""")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .param("type", type.name())
                .param("jurisdiction", jurisdiction.code())
                .param("since", Timestamp.from(clock.instant().minus(SAME_CASE_WITHIN)))
                .query(String.class).optional();
    }

    /**
     * The answer to an identical submission: a fresh reference, never the open request's, kept only so that the
     * privacy center's "received" page can show it. Whoever knows someone's email address learns nothing by sending
     * the same form: the answer looks like that to any new request.
     */
    public record RepeatAnswer(String reference, String requestId, Instant dueAt) {
    }

    public void recordAnswer(RepeatAnswer answer) {
        jdbc.sql("""
                INSERT INTO repeated_submission (reference, request_id, due_at, submitted_at)
                VALUES (:reference, :requestId, :dueAt, :at)""")
                .param("reference", answer.reference()).param("requestId", answer.requestId())
                .param("dueAt", answer.dueAt() == null ? null : Timestamp.from(answer.dueAt()))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The answer given to an identical submission, if {@code reference} was one. */
    public Optional<RepeatAnswer> answer(String reference) {
        return jdbc.sql("SELECT reference, request_id, due_at FROM repeated_submission WHERE reference = :reference")
                .param("reference", reference)
                .query((rs, row) -> new RepeatAnswer(rs.getString("reference"), rs.getString("request_id"),
                        rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant()))
                .optional();
    }

    /** Links a new request to the other open requests of the same email for the same right; how many. */
    public int link(DsarRequest request) {
        if (request.email() == null) {
            return 0;
        }
        List<String> open = jdbc.sql("""
                SELECT id FROM dsar_request WHERE LOWER(email) = :email AND request_type = :type AND id <> :id
                    AND ended_at IS NULL AND completed_at IS NULL""")
                .param("email", request.email().strip().toLowerCase(Locale.ROOT))
                .param("type", request.type().name())
                .param("id", request.id())
                .query(String.class).list();
        Timestamp now = Timestamp.from(clock.instant());
        for (String other : open) {
            jdbc.sql("INSERT INTO request_link (request_id, linked_request_id, linked_at) VALUES (:id, :other, :at)")
                    .param("id", request.id()).param("other", other).param("at", now).update();
        }
        return open.size();
    }

    /**
     * Links a request whose identity was just verified to other open requests of the same right that its verified
     * identifiers name as the same person ({@code samePerson}, found by the verified identifiers), the later one to
     * the earlier, unless they are linked already; records how many on the request.
     */
    public int linkSamePerson(String requestId, Collection<String> samePerson) {
        int linked = 0;
        Instant received = receivedAt(requestId);
        Timestamp now = Timestamp.from(clock.instant());
        for (String other : samePerson) {
            boolean otherFirst = !receivedAt(other).isAfter(received);
            String later = otherFirst ? requestId : other;
            String earlier = otherFirst ? other : requestId;
            linked += jdbc.sql("""
                    INSERT INTO request_link (request_id, linked_request_id, linked_at)
                    SELECT :later, :earlier, :at FROM dsar_request WHERE id = :later AND NOT EXISTS (
                        SELECT 1 FROM request_link WHERE request_id IN (:later, :earlier)
                            AND linked_request_id IN (:later, :earlier))""")
                    .param("later", later).param("earlier", earlier).param("at", now).update();
        }
        if (linked > 0) {
            events.record(requestId, "LINKED_SAME_PERSON", "linkedOpenRequests=" + linked
                    + " by=verifiedIdentifiers");
        }
        return linked;
    }

    private Instant receivedAt(String requestId) {
        return jdbc.sql("SELECT received_at FROM dsar_request WHERE id = :id").param("id", requestId)
                .query(Timestamp.class).single().toInstant();
    }

    /** For triage: the sender's other open requests (reference, right, stage), or "none". */
    public String describeOpenRequestsOf(String email) {
        if (email == null) {
            return "none";
        }
        List<String> lines = jdbc.sql("""
                SELECT reference, request_type, stage FROM dsar_request WHERE LOWER(email) = :email
                    AND ended_at IS NULL AND completed_at IS NULL ORDER BY received_at""")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query((rs, row) -> rs.getString("reference") + " (" + rs.getString("request_type") + ", "
                        + rs.getString("stage") + ")")
                .list();
        return lines.isEmpty() ? "none" : String.join("; ", lines);
    }

    /** For the reviewer: the linked requests' references and stages, or "none". */
    public String describeLinks(String requestId) {
        List<String> lines = jdbc.sql("""
                SELECT r.reference, r.stage, r.received_at FROM request_link l
                JOIN dsar_request r ON r.id = l.linked_request_id WHERE l.request_id = :id ORDER BY r.received_at""")
                .param("id", requestId)
                .query((rs, row) -> rs.getString("reference") + " (" + rs.getString("stage") + ", received "
                        + rs.getTimestamp("received_at").toInstant() + ")")
                .list();
        return lines.isEmpty() ? "none" : "Same person, same right, still open: " + String.join("; ", lines)
                + ". Answer both, or deny this one as a duplicate to merge it into the earlier one.";
    }
}
