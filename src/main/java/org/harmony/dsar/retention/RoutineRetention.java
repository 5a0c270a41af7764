package org.harmony.dsar.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.HoldRules;
import org.harmony.dsar.legalhold.LegalHold;
import org.harmony.dsar.legalhold.LegalHoldRegistry;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.harmony.dsar.lookup.SubjectKey;
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
 * source that declares one, each source in a transaction with its evidence. A legal hold on a subject keeps that
 * subject's records (told by the catalogue's {@code subject-columns}, hashed as the hold registry hashes them) and the
 * others are deleted; a hold on the whole source or a category, or a subject hold in a source whose records do not
 * say whose they are, keeps the whole source from this run. The evidence counts what was deleted and kept and names
 * the holds. A source with evidence of this run is done: a retried job does not delete there again.
 */
@Service
public class RoutineRetention {

    private static final Logger log = LoggerFactory.getLogger(RoutineRetention.class);
    private static final int BATCH = 500;

    private final DataSourceCatalogue catalogue;
    private final SourceConnections connections;
    private final HttpSources http;
    private final LegalHoldRegistry holds;
    private final JdbcClient jdbc;
    private final TransactionTemplate perSource;
    private final Clock clock;
    private final KeyedHash hash;

    RoutineRetention(DataSourceCatalogue catalogue, SourceConnections connections, HttpSources http,
            LegalHoldRegistry holds, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            KeyedHash hash) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.http = http;
        this.holds = holds;
        this.jdbc = jdbc;
        this.perSource = new TransactionTemplate(transactions);
        this.perSource.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.hash = hash;
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
                SELECT source_name, table_name, cutoff, rows_deleted, legal_hold_id, rows_kept, kept_by_holds
                FROM retention_evidence WHERE run_id = :runId ORDER BY executed_at, source_name
                """).param("runId", runId)
                .query((rs, row) -> new Evidence(rs.getString("source_name"), rs.getString("table_name"),
                        rs.getTimestamp("cutoff").toInstant(), rs.getInt("rows_deleted"),
                        rs.getString("legal_hold_id"), (Integer) rs.getObject("rows_kept", Integer.class),
                        rs.getString("kept_by_holds") == null ? List.of()
                                : List.of(rs.getString("kept_by_holds").split(","))))
                .list();
    }

    /**
     * Records of the source older than the cut-off were deleted, except those holds on subjects kept ({@code rowsKept},
     * by the holds {@code keptBy}); or none because the hold {@code legalHoldId} keeps the whole source ({@code rowsKept}
     * null).
     */
    public record Evidence(String sourceName, String tableName, Instant cutoff, int rowsDeleted, String legalHoldId,
            Integer rowsKept, List<String> keptBy) {
    }

    /** An expired record: its id and the keys of the subject it is about. */
    private record Expired(Object id, List<SubjectKey> subject) {
    }

    private void delete(String runId, Source source, Instant now) {
        DataSourceCatalogue.RoutineRetention rule = source.routineRetention();
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(rule.period()).toInstant();
        List<LegalHold> touching = holds.active().stream().filter(h -> HoldRules.keepsAnyOf(h, source)).toList();
        Optional<LegalHold> wholeSource = touching.stream()
                .filter(h -> h.scope() != LegalHold.Scope.SUBJECT || rule.subjectColumns().isEmpty()).findFirst();
        String table = source.type() == SourceType.HTTP ? source.erasure().get(0).table() : rule.table();
        int deleted = 0;
        Integer kept = null;
        Set<String> keptBy = new LinkedHashSet<>();
        if (wholeSource.isPresent()) {
            keptBy.add(wholeSource.get().id());
        } else if (touching.isEmpty() && source.type() == SourceType.JDBC) {
            deleted = connections.jdbc(source.connection()).update("DELETE FROM " + table + " WHERE "
                    + rule.column() + " < :cutoff", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)));
            kept = 0;
        } else {
            List<Object> ids = new ArrayList<>();
            Set<String> keeping = new HashSet<>();
            kept = 0;
            for (Expired record : expired(source, rule, cutoff)) {
                Optional<LegalHold> hold = touching.stream()
                        .filter(h -> HoldRules.applies(h, source, record.subject())).findFirst();
                if (hold.isPresent()) {
                    keeping.add(hold.get().id());
                    kept++;
                } else {
                    ids.add(record.id());
                }
            }
            touching.stream().map(LegalHold::id).filter(keeping::contains).forEach(keptBy::add);
            deleted = source.type() == SourceType.HTTP ? deleteAtProcessor(source, ids) : deleteRows(source, rule, ids);
        }
        record(runId, source, table, cutoff, deleted, wholeSource, kept, keptBy);
        log.info("Retention run {}: source {} deleted {} records before {}{}", runId, source.name(), deleted, cutoff,
                wholeSource.map(h -> ", the whole source kept by legal hold " + h.id()
                        + (h.scope() == LegalHold.Scope.SUBJECT ? " (no subject-columns say whose each record is)" : ""))
                        .orElse(kept == null || kept == 0 ? "" : ", " + kept + " kept by legal holds " + keptBy));
    }

    /** The expired records with the keys of their subjects, hashed as the hold registry hashes them. */
    private List<Expired> expired(Source source, DataSourceCatalogue.RoutineRetention rule, Instant cutoff) {
        List<Map.Entry<String, String>> columns = List.copyOf(rule.subjectColumns().entrySet());
        List<Expired> expired = new ArrayList<>();
        if (source.type() == SourceType.HTTP) {
            String idField = source.erasure().get(0).idColumn();
            http.read(source, rule.url(), Map.of("cutoff", cutoff.toString()), record -> expired.add(new Expired(
                    record.path(idField).asText(),
                    subject(columns, column -> record.path(column).isValueNode() ? record.path(column).asText() : null))));
        } else {
            StringBuilder select = new StringBuilder("SELECT ").append(rule.idColumn());
            columns.forEach(column -> select.append(", ").append(column.getValue()));
            expired.addAll(connections.jdbc(source.connection()).query(select + " FROM " + rule.table() + " WHERE "
                    + rule.column() + " < :cutoff", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)),
                    (rs, row) -> {
                        Map<String, String> values = new HashMap<>();
                        for (int i = 0; i < columns.size(); i++) {
                            values.put(columns.get(i).getValue(), rs.getString(i + 2));
                        }
                        return new Expired(rs.getObject(1), subject(columns, values::get));
                    }));
        }
        return expired;
    }

    private List<SubjectKey> subject(List<Map.Entry<String, String>> columns, Function<String, String> value) {
        List<SubjectKey> keys = new ArrayList<>();
        for (Map.Entry<String, String> column : columns) {
            SubjectKey key = SubjectKey.of(SubjectKey.Type.ofDataPoint(column.getKey()), value.apply(column.getValue()),
                    hash);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private int deleteRows(Source source, DataSourceCatalogue.RoutineRetention rule, List<Object> ids) {
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            deleted += connections.jdbc(source.connection()).update("DELETE FROM " + rule.table() + " WHERE "
                    + rule.idColumn() + " IN (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + BATCH))));
        }
        return deleted;
    }

    private int deleteAtProcessor(Source source, List<Object> ids) {
        ErasureAction action = source.erasure().get(0);
        for (Object id : ids) {
            http.change(source, action.method(), action.url(), Map.of("id", id));
        }
        return ids.size();
    }

    private void record(String runId, Source source, String table, Instant cutoff, int deleted,
            Optional<LegalHold> wholeSource, Integer kept, Set<String> keptBy) {
        jdbc.sql("""
                INSERT INTO retention_evidence (id, run_id, source_name, table_name, cutoff, rows_deleted,
                    legal_hold_id, rows_kept, kept_by_holds, executed_at)
                VALUES (:id, :runId, :source, :table, :cutoff, :deleted, :hold, :kept, :keptBy, :at)
                """)
                .param("id", UUID.randomUUID().toString()).param("runId", runId).param("source", source.name())
                .param("table", table).param("cutoff", Timestamp.from(cutoff)).param("deleted", deleted)
                .param("hold", wholeSource.map(LegalHold::id).orElse(null)).param("kept", kept)
                .param("keptBy", keptBy.isEmpty() ? null : String.join(",", keptBy))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
