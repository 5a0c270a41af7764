package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.legalhold.LegalHoldCheckService.Keep;
import org.harmony.dsar.legalhold.LegalHoldCheckService;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureKind;
import org.harmony.dsar.lookup.DataSourceCatalogue.FieldAnonymisation;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.harmony.dsar.lookup.SourceReader;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.SubjectParameters;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the subject's data source by source with the catalogue's delete or anonymise actions, each source in a
 * transaction of its own together with its evidence record, skipping what the legal-hold and retention check
 * keeps. A source with evidence is done: a retried job does not erase it again.
 */
@Service
public class SubjectErasure {

    private static final Logger log = LoggerFactory.getLogger(SubjectErasure.class);

    private final DataSourceCatalogue catalogue;
    private final SourceReader reader;
    private final SourceConnections connections;
    private final HttpSources http;
    private final SubjectDataLookup lookup;
    private final LegalHoldCheckService holds;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final FulfilmentOutcomes outcomes;
    private final JdbcClient jdbc;
    private final TransactionTemplate perSource;
    private final KeyedHash hash;
    private final Clock clock;

    SubjectErasure(DataSourceCatalogue catalogue, SourceReader reader, SourceConnections connections, HttpSources http,
            SubjectDataLookup lookup, LegalHoldCheckService holds, RequestRepository requests, RequestEvents events,
            FulfilmentOutcomes outcomes, JdbcClient jdbc, PlatformTransactionManager transactions,
            KeyedHash hash, Clock clock) {
        this.catalogue = catalogue;
        this.reader = reader;
        this.connections = connections;
        this.http = http;
        this.lookup = lookup;
        this.holds = holds;
        this.requests = requests;
        this.events = events;
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.perSource = new TransactionTemplate(transactions);
        this.perSource.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.hash = hash;
        this.clock = clock;
    }

    /** Erases in every source that has erasure actions; returns what was erased and kept, for the reviewer. */
    public String erase(String requestId) {
        DsarRequest request = requests.get(requestId);
        SubjectParameters subject = lookup.subjectOf(request);
        List<Source> sources = catalogue.sources().stream().filter(s -> !s.erasure().isEmpty()).toList();
        // Keys first (orders are found by the customer ids in accounts, which the erasure of accounts changes),
        // then the sources in reverse order, so that a keyed source goes before the source that keys it.
        Map<String, Optional<SubjectParameters>> parameters = new LinkedHashMap<>();
        for (Source source : sources) {
            parameters.put(source.name(), Optional.ofNullable(reader.keyed(source, subject)));
        }
        List<Source> keyedFirst = new ArrayList<>(sources);
        Collections.reverse(keyedFirst);
        for (Source source : keyedFirst) {
            if (evidence(requestId).stream().noneMatch(e -> e.sourceName().equals(source.name()))) {
                perSource.executeWithoutResult(status ->
                        eraseSource(request, source, parameters.get(source.name()).orElse(null)));
            }
        }
        List<Evidence> evidence = evidence(requestId);
        outcomes.record(requestId, requesterSummary(evidence));
        long erased = evidence.stream().mapToLong(Evidence::rowsErased).sum();
        long kept = evidence.stream().mapToLong(Evidence::rowsKept).sum();
        events.record(requestId, "DATA_ERASED", "sources=" + sources.size() + " erased=" + erased + " kept=" + kept);
        log.info("Request {}: erasure in {} sources, {} rows erased, {} kept", request.reference(), sources.size(),
                erased, kept);
        return reviewerSummary(evidence);
    }

    /** The evidence records of a request, one per source and table. */
    public List<Evidence> evidence(String requestId) {
        return jdbc.sql("""
                SELECT source_name, table_name, action, rows_erased, rows_kept, kept_reason, legal_hold_id, fields,
                    executed_at
                FROM erasure_evidence WHERE request_id = :requestId ORDER BY executed_at, source_name, table_name
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Evidence(rs.getString("source_name"), rs.getString("table_name"),
                        rs.getString("action"), rs.getInt("rows_erased"), rs.getInt("rows_kept"),
                        rs.getString("kept_reason"), rs.getString("legal_hold_id"), rs.getString("fields"),
                        rs.getTimestamp("executed_at").toInstant()))
                .list();
    }

    /** What one erasure action did to one table; a hold that kept rows is named by its id. */
    public record Evidence(String sourceName, String tableName, String action, int rowsErased, int rowsKept,
            String keptReason, String legalHoldId, String fields, Instant executedAt) {
    }

    private void eraseSource(DsarRequest request, Source source, SubjectParameters subject) {
        for (ErasureAction action : source.erasure()) {
            // Asked again here, in the transaction that erases: a hold placed since the request's check is respected.
            Optional<Keep> keep = holds.keeps(request.id(), source.name(), action);
            int erased = 0;
            int kept = 0;
            if (subject != null && source.type() == SourceType.HTTP) {
                int[] counts = eraseAtProcessor(source, action, subject, keep);
                erased = counts[0];
                kept = counts[1];
            } else if (subject != null) {
                NamedParameterJdbcTemplate db = connections.jdbc(source.connection());
                MapSqlParameterSource parameters = subject.copy();
                String matches = "(" + action.where() + ")";
                String erasable = matches;
                if (keep.isPresent() && keep.get().keepsEverything()) {
                    erasable = null;
                    kept = count(db, action.table(), matches, parameters);
                } else if (keep.isPresent()) {
                    parameters.addValue("keepFrom", Timestamp.from(keep.get().keepFrom()));
                    String column = keep.get().column();
                    erasable = matches + " AND (" + column + " IS NULL OR " + column + " < :keepFrom)";
                    kept = count(db, action.table(), matches + " AND " + column + " >= :keepFrom", parameters);
                }
                if (erasable != null) {
                    erased = action.action() == ErasureKind.DELETE
                            ? db.update("DELETE FROM " + action.table() + " WHERE " + erasable, parameters)
                            : anonymise(db, action, erasable, parameters);
                }
            }
            jdbc.sql("""
                    INSERT INTO erasure_evidence (id, request_id, source_name, table_name, action, rows_erased,
                        rows_kept, kept_reason, legal_hold_id, fields, executed_at)
                    VALUES (:id, :requestId, :source, :table, :action, :erased, :kept, :reason, :hold, :fields, :at)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("requestId", request.id())
                    .param("source", source.name())
                    .param("table", action.table())
                    .param("action", action.action().name())
                    .param("erased", erased)
                    .param("kept", kept)
                    .param("reason", kept > 0 ? keep.get().reasonCode() : null)
                    .param("hold", kept > 0 ? keep.get().holdId() : null)
                    .param("fields", action.action() == ErasureKind.DELETE ? null : describe(action.fields()))
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            log.info("Request {}: {} {} rows of {} in source {}, kept {}{}", request.reference(),
                    action.action() == ErasureKind.DELETE ? "deleted" : "anonymised", erased, action.table(),
                    source.name(), kept, kept > 0 ? " (" + keep.get().reasonCode()
                            + (keep.get().holdId() == null ? "" : ", hold " + keep.get().holdId()) + ")" : "");
        }
    }

    /**
     * Sends the erasure of each of the subject's records to an HTTP source (a processor), except the records a
     * hold or retention rule keeps; returns {erased, kept}. A record already gone counts as erased.
     */
    private int[] eraseAtProcessor(Source source, ErasureAction action, SubjectParameters subject,
            Optional<Keep> keep) {
        List<Object> ids = new ArrayList<>();
        int[] counts = new int[2];
        reader.read(source, subject, record -> {
            if (keep.isPresent() && (keep.get().keepsEverything() || recent(record.get(keep.get().column()),
                    keep.get().keepFrom()))) {
                counts[1]++;
            } else {
                ids.add(record.get(action.idColumn().toLowerCase()));
            }
        });
        for (Object id : ids) {
            Map<String, Object> variables = SourceReader.urlVariables(subject);
            variables.put("id", id);
            http.change(source, action.method(), action.url(), variables);
            counts[0]++;
        }
        return counts;
    }

    private static boolean recent(Object value, Instant keepFrom) {
        return value == null || !OffsetDateTime.parse(String.valueOf(value)).toInstant().isBefore(keepFrom);
    }

    private static int count(NamedParameterJdbcTemplate db, String table, String where,
            MapSqlParameterSource parameters) {
        Integer rows = db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, parameters,
                Integer.class);
        return rows == null ? 0 : rows;
    }

    private int anonymise(NamedParameterJdbcTemplate db, ErasureAction action, String erasable,
            MapSqlParameterSource parameters) {
        List<String> columns = new ArrayList<>(action.fields().keySet());
        String select = "SELECT " + action.idColumn() + ", " + String.join(", ", columns) + " FROM " + action.table()
                + " WHERE " + erasable;
        String update = "UPDATE " + action.table() + " SET "
                + String.join(", ", columns.stream().map(c -> c + " = :" + parameterName(c)).toList())
                + " WHERE " + action.idColumn() + " = :rowId";
        List<MapSqlParameterSource> updates = new ArrayList<>();
        db.query(select, parameters, rs -> {
            MapSqlParameterSource values = new MapSqlParameterSource("rowId", rs.getObject(1));
            for (int i = 0; i < columns.size(); i++) {
                FieldAnonymisation field = action.fields().get(columns.get(i));
                values.addValue(parameterName(columns.get(i)),
                        field.strategy().anonymise(rs.getObject(i + 2), field.value(), hash));
            }
            updates.add(values);
        });
        if (!updates.isEmpty()) {
            db.batchUpdate(update, updates.toArray(MapSqlParameterSource[]::new));
        }
        return updates.size();
    }

    private static String parameterName(String column) {
        return "new_" + column.replace('.', '_');
    }

    private static String describe(Map<String, FieldAnonymisation> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((column, field) -> parts.add(column + "=" + field.strategy().name().toLowerCase()));
        return String.join(", ", parts);
    }

    private String reviewerSummary(List<Evidence> evidence) {
        StringBuilder summary = new StringBuilder();
        for (Evidence item : evidence) {
            summary.append(title(item.sourceName())).append(" (").append(item.tableName()).append("): ")
                    .append(item.action().equals("DELETE") ? "deleted " : "anonymised ").append(item.rowsErased());
            if (item.rowsKept() > 0) {
                summary.append(", kept ").append(item.rowsKept()).append(" (").append(item.keptReason())
                        .append(item.legalHoldId() == null ? "" : ", legal hold " + item.legalHoldId()).append(')');
            }
            summary.append('\n');
        }
        return summary.toString().strip();
    }

    /** What was erased, in words; what was kept and on which ground the response mail lists by itself. */
    private String requesterSummary(List<Evidence> evidence) {
        Map<String, int[]> bySource = new LinkedHashMap<>();
        for (Evidence item : evidence) {
            int[] counts = bySource.computeIfAbsent(item.sourceName(), name -> new int[2]);
            counts[0] += item.rowsErased();
            counts[1] += item.rowsKept();
        }
        List<String> lines = new ArrayList<>();
        bySource.forEach((name, counts) -> {
            if (counts[0] > 0) {
                lines.add("Erased: " + title(name) + ", " + counts[0] + (counts[0] == 1 ? " record" : " records"));
            }
        });
        if (lines.isEmpty() && bySource.values().stream().allMatch(counts -> counts[1] == 0)) {
            lines.add("We found no personal data about you to erase.");
        }
        return String.join("\n", lines);
    }

    private String title(String sourceName) {
        return catalogue.find(sourceName).map(Source::title).orElse(sourceName);
    }
}
