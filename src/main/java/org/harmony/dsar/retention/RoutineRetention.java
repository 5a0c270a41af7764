package org.harmony.dsar.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.legalhold.HoldRules;
import org.harmony.dsar.legalhold.LegalHold;
import org.harmony.dsar.legalhold.LegalHoldRegistry;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes every record past its source's retention period ({@code routine-retention} in the catalogue), in every
 * source that declares one, each source in a transaction with its evidence. A source a legal hold keeps any of is
 * left alone for this run, and the evidence names the hold. A source with evidence of this run is done: a retried
 * job does not delete there again.
 */
@Service
public class RoutineRetention {

    private static final Logger log = LoggerFactory.getLogger(RoutineRetention.class);

    private final DataSourceCatalogue catalogue;
    private final SourceConnections connections;
    private final HttpSources http;
    private final LegalHoldRegistry holds;
    private final JdbcClient jdbc;
    private final TransactionTemplate perSource;
    private final Clock clock;

    RoutineRetention(DataSourceCatalogue catalogue, SourceConnections connections, HttpSources http,
            LegalHoldRegistry holds, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.http = http;
        this.holds = holds;
        this.jdbc = jdbc;
        this.perSource = new TransactionTemplate(transactions);
        this.perSource.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** One run: deletes in each source with a retention period; returns how many records were deleted. */
    public int run(String runId) {
        Instant now = clock.instant();
        for (Source source : catalogue.sources()) {
            if (source.routineRetention() != null && evidence(runId).stream()
                    .noneMatch(e -> e.sourceName().equals(source.name()))) {
                perSource.executeWithoutResult(status -> delete(runId, source, now));
            }
        }
        int deleted = evidence(runId).stream().mapToInt(Evidence::rowsDeleted).sum();
        log.info("Retention run {}: {} records past their retention period deleted", runId, deleted);
        return deleted;
    }

    /** What a run did, per source. */
    public List<Evidence> evidence(String runId) {
        return jdbc.sql("""
                SELECT source_name, table_name, cutoff, rows_deleted, legal_hold_id FROM retention_evidence
                WHERE run_id = :runId ORDER BY executed_at, source_name
                """).param("runId", runId)
                .query((rs, row) -> new Evidence(rs.getString("source_name"), rs.getString("table_name"),
                        rs.getTimestamp("cutoff").toInstant(), rs.getInt("rows_deleted"),
                        rs.getString("legal_hold_id")))
                .list();
    }

    /** Records of the source older than the cut-off were deleted, or none because the hold keeps the source. */
    public record Evidence(String sourceName, String tableName, Instant cutoff, int rowsDeleted, String legalHoldId) {
    }

    private void delete(String runId, Source source, Instant now) {
        DataSourceCatalogue.RoutineRetention rule = source.routineRetention();
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
        Optional<LegalHold> hold = holds.active().stream().filter(h -> HoldRules.keepsAnyOf(h, source)).findFirst();
        String table = source.type() == SourceType.HTTP ? source.erasure().get(0).table() : rule.table();
        int deleted = 0;
        if (hold.isEmpty()) {
            deleted = source.type() == SourceType.HTTP ? deleteAtProcessor(source, rule, cutoff)
                    : connections.jdbc(source.connection()).update("DELETE FROM " + table + " WHERE "
                            + rule.column() + " < :cutoff",
                            new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)));
        }
        jdbc.sql("""
                INSERT INTO retention_evidence (id, run_id, source_name, table_name, cutoff, rows_deleted,
                    legal_hold_id, executed_at)
                VALUES (:id, :runId, :source, :table, :cutoff, :deleted, :hold, :at)
                """)
                .param("id", UUID.randomUUID().toString()).param("runId", runId).param("source", source.name())
                .param("table", table).param("cutoff", Timestamp.from(cutoff)).param("deleted", deleted)
                .param("hold", hold.map(LegalHold::id).orElse(null)).param("at", Timestamp.from(clock.instant()))
                .update();
        log.info("Retention run {}: source {} deleted {} records before {}{}", runId, source.name(), deleted, cutoff,
                hold.map(h -> ", kept by legal hold " + h.id()).orElse(""));
    }

    private int deleteAtProcessor(Source source, DataSourceCatalogue.RoutineRetention spec, Instant cutoff) {
        ErasureAction action = source.erasure().get(0);
        List<Object> ids = new ArrayList<>();
        http.read(source, spec.url(), Map.of("cutoff", cutoff.toString()),
                record -> ids.add(record.path(action.idColumn()).asText()));
        for (Object id : ids) {
            http.change(source, action.method(), action.url(), Map.of("id", id));
        }
        return ids.size();
    }
}
