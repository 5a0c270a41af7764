package org.harmony.dsar.operations;

import java.sql.Timestamp;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.harmony.dsar.kernel.AfterCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts requests as they are received and end, by type, jurisdiction and channel, and how long they took. Counted
 * on the node that did the work, once the transaction commits: Prometheus sums the nodes. Tags carry codes only.
 */
@Component
public class RequestMetrics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;

    RequestMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** Counts the request once the current transaction commits. */
    public void received(String requestId) {
        Facts facts = facts(requestId);
        AfterCommit.run(() -> Counter.builder("dsar.requests.received").description("Requests received")
                .tags("type", facts.type(), "jurisdiction", facts.jurisdiction(), "channel", facts.channel())
                .register(registry).increment());
    }

    /** Counts how the request ended and records its duration, once the current transaction commits. */
    public void ended(String requestId) {
        Facts facts = facts(requestId);
        String outcome = outcome(facts.stage());
        AfterCommit.run(() -> {
            if ("completed".equals(outcome)) {
                Counter.builder("dsar.requests.completed").description("Requests completed")
                        .tags("type", facts.type(), "jurisdiction", facts.jurisdiction(), "channel", facts.channel())
                        .register(registry).increment();
            } else if (!"cancelled".equals(outcome)) {
                Counter.builder("dsar.requests.denied").description("Requests denied or closed unverified")
                        .tags("type", facts.type(), "jurisdiction", facts.jurisdiction(), "channel", facts.channel(),
                                "reason", outcome)
                        .register(registry).increment();
            }
            if (facts.endedAt() != null) {
                Timer.builder("dsar.request.duration").description("Time from receipt to the end of a request")
                        .tags("type", facts.type(), "jurisdiction", facts.jurisdiction(), "outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMinutes(1))
                        .maximumExpectedValue(Duration.ofDays(120))
                        .register(registry)
                        .record(Duration.between(facts.receivedAt().toInstant(), facts.endedAt().toInstant()));
            }
        });
    }

    private static String outcome(String stage) {
        return switch (stage) {
            case "COMPLETED" -> "completed";
            case "DENIED" -> "refused";
            case "CLOSED_UNVERIFIED" -> "unverified";
            default -> "cancelled";
        };
    }

    private Facts facts(String requestId) {
        return jdbc.sql("""
                SELECT request_type, jurisdiction, channel, stage, received_at, ended_at FROM dsar_request
                WHERE id = :id
                """).param("id", requestId)
                .query((rs, n) -> new Facts(rs.getString("request_type"), rs.getString("jurisdiction"),
                        rs.getString("channel"), rs.getString("stage"), rs.getTimestamp("received_at"),
                        rs.getTimestamp("ended_at")))
                .single();
    }

    private record Facts(String type, String jurisdiction, String channel, String stage, Timestamp receivedAt,
            Timestamp endedAt) {
    }
}
