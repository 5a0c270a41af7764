package org.harmony.dsar.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an objection is to, and the compliance officer's decision on it. */
@Repository
public class RequestObjections {

    /** How an objection was decided: processing stopped (as asked), or continues on compelling legitimate grounds. */
    public enum Decision { STOP_PROCESSING, CONTINUE_PROCESSING, DIRECT_MARKETING }

    /** One request's objection. */
    public record Objection(ObjectionScope objectsTo, Decision decision, String compellingGrounds) {
    }

    private final JdbcClient jdbc;

    RequestObjections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String requestId, ObjectionScope objectsTo) {
        jdbc.sql("INSERT INTO request_objection (request_id, objects_to) VALUES (:requestId, :objectsTo)")
                .param("requestId", requestId).param("objectsTo", objectsTo.name()).update();
    }

    /** The objection; OTHER_PROCESSING, undecided, when the request did not say (a logged or mailed request). */
    public Objection of(String requestId) {
        return find(requestId).orElse(new Objection(ObjectionScope.OTHER_PROCESSING, null, null));
    }

    /**
     * What the objection turned out to be: direct marketing when the requester said so or the officer found it is,
     * else other processing.
     */
    public ObjectionScope scope(String requestId) {
        Objection objection = of(requestId);
        return objection.decision() == Decision.DIRECT_MARKETING ? ObjectionScope.DIRECT_MARKETING
                : objection.objectsTo();
    }

    public Optional<Objection> find(String requestId) {
        return jdbc.sql("SELECT objects_to, decision, compelling_grounds FROM request_objection WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new Objection(ObjectionScope.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : Decision.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    /** Records the decision; the same decision recorded again (a repeated completion) changes nothing. */
    public void decide(String requestId, Decision decision, String compellingGrounds, String decidedBy, Instant at) {
        if (find(requestId).isEmpty()) {
            record(requestId, ObjectionScope.OTHER_PROCESSING);
        }
        jdbc.sql("""
                UPDATE request_objection SET decision = :decision, compelling_grounds = :grounds,
                    decided_by = :decidedBy, decided_at = :at
                WHERE request_id = :requestId
                """)
                .param("decision", decision.name()).param("grounds", compellingGrounds)
                .param("decidedBy", decidedBy).param("at", Timestamp.from(at)).param("requestId", requestId)
                .update();
    }
}
