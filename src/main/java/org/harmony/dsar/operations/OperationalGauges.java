package org.harmony.dsar.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.harmony.dsar.operations.process.OpenIncidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges computed from the project's tables and the engine: open requests by type, jurisdiction and channel, overdue
 * and due-soon requests by jurisdiction, open incidents, breach notices by status. Recomputed every
 * {@code dsar.operations.gauge-refresh}; a scrape reads the cached values. Every node reports the same cluster-wide
 * figures: aggregate them with {@code max}, not {@code sum}.
 */
@Component
public class OperationalGauges {

    private final JdbcClient jdbc;
    private final OpenIncidents openIncidents;
    private final OperationsProperties properties;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final MultiGauge dueSoon;
    private final MultiGauge breachNotices;
    private final AtomicLong incidents = new AtomicLong();

    OperationalGauges(JdbcClient jdbc, OpenIncidents openIncidents, OperationsProperties properties, Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.openIncidents = openIncidents;
        this.properties = properties;
        this.clock = clock;
        this.open = MultiGauge.builder("dsar.requests.open").description("Requests not yet ended").register(registry);
        this.overdue = MultiGauge.builder("dsar.requests.overdue").description("Open requests past their due date")
                .register(registry);
        this.dueSoon = MultiGauge.builder("dsar.requests.due.soon")
                .description("Open requests due within dsar.operations.due-soon (7 days)").register(registry);
        this.breachNotices = MultiGauge.builder("dsar.breach.notices")
                .description("Breach notices by status (PENDING, CLAIMED, SENT, FAILED)").register(registry);
        Gauge.builder("dsar.incidents.open", incidents, AtomicLong::get).description("Open incidents in the engine")
                .register(registry);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${dsar.operations.gauge-refresh:PT30S}")
    public void refresh() {
        Instant now = clock.instant();
        open.register(jdbc.sql("""
                SELECT request_type, jurisdiction, channel, COUNT(*) AS n FROM dsar_request WHERE ended_at IS NULL
                GROUP BY request_type, jurisdiction, channel
                """).query((rs, i) -> MultiGauge.Row.of(Tags.of("type", rs.getString(1), "jurisdiction",
                rs.getString(2), "channel", rs.getString(3)), rs.getLong(4))).list(), true);
        overdue.register(byJurisdiction("due_at < :now", now, now), true);
        dueSoon.register(byJurisdiction("due_at >= :now AND due_at < :until", now,
                now.plus(properties.dueSoon())), true);
        breachNotices.register(jdbc.sql("SELECT status, COUNT(*) FROM breach_recipient GROUP BY status")
                .query((rs, i) -> MultiGauge.Row.of(Tags.of("status", rs.getString(1)), rs.getLong(2))).list(), true);
        incidents.set(openIncidents.count());
    }

    private List<MultiGauge.Row<?>> byJurisdiction(String condition, Instant now, Instant until) {
        return jdbc.sql("SELECT jurisdiction, COUNT(*) FROM dsar_request WHERE ended_at IS NULL AND " + condition
                        + " GROUP BY jurisdiction")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query((rs, i) -> MultiGauge.Row.of(Tags.of("jurisdiction", rs.getString(1)), rs.getLong(2)))
                .list().stream().<MultiGauge.Row<?>>map(row -> row).toList();
    }
}
