package org.harmony.dsar.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of a request: what the engine did and decided, in order. Entries are only added.
 * Details name counts, sources and outcomes, never the requester's personal data.
 */
@Component
public class RequestEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    RequestEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String requestId, String eventType, String detail) {
        jdbc.sql("""
                INSERT INTO request_event (id, request_id, occurred_at, event_type, detail)
                VALUES (:id, :requestId, :at, :type, :detail)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("at", Timestamp.from(clock.instant()))
                .param("type", eventType)
                .param("detail", detail)
                .update();
    }

    /** The request's events in the order they happened. */
    public List<Event> of(String requestId) {
        return jdbc.sql("""
                SELECT occurred_at, event_type, detail FROM request_event WHERE request_id = :requestId
                ORDER BY occurred_at, id
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Event(rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"),
                        rs.getString("detail")))
                .list();
    }

    public record Event(Instant occurredAt, String type, String detail) {
    }
}
