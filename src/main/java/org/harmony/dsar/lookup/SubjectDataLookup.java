package org.harmony.dsar.lookup;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the subject's data in every configured source by their email address and keeps the results in the
 * project's own table, never in process variables. Secrets (passwords, full card numbers) are never kept,
 * whatever a source's query selects.
 */
@Service
public class SubjectDataLookup {

    private static final Logger log = LoggerFactory.getLogger(SubjectDataLookup.class);
    private static final Pattern SECRET_COLUMN =
            Pattern.compile("(?i).*(password|passwd|secret|card_number|pan|cvv|cvc|ssn|social_security|licen[cs]e).*");

    private final LookupProperties properties;
    private final NamedParameterJdbcTemplate sources;
    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    SubjectDataLookup(LookupProperties properties, NamedParameterJdbcTemplate sources, JdbcClient jdbc,
            RequestRepository requests, RequestEvents events, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.sources = sources;
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Looks the subject up everywhere and returns a summary of counts for the reviewer. */
    @Transactional
    public String lookUp(String requestId) {
        DsarRequest request = requests.get(requestId);
        jdbc.sql("DELETE FROM lookup_result WHERE request_id = :requestId").param("requestId", requestId).update();
        StringBuilder summary = new StringBuilder();
        int total = 0;
        for (LookupProperties.Source source : properties.sources()) {
            long started = System.nanoTime();
            List<Map<String, Object>> records = sources.queryForList(source.query(), Map.of("email", request.email()))
                    .stream().map(SubjectDataLookup::withoutSecrets).toList();
            long millis = (System.nanoTime() - started) / 1_000_000;
            store(requestId, source, records, millis);
            total += records.size();
            summary.append(source.title()).append(": ").append(records.size())
                    .append(records.size() == 1 ? " record" : " records").append('\n');
            log.info("Request {}: source {} returned {} records in {} ms", request.reference(), source.name(),
                    records.size(), millis);
        }
        events.record(requestId, "DATA_LOOKED_UP", "sources=" + properties.sources().size() + " records=" + total);
        return summary.append("Total: ").append(total).append(" records in ")
                .append(properties.sources().size()).append(" sources").toString();
    }

    /** The stored results of the last lookup, in the configured source order. */
    public List<LookupResult> results(String requestId) {
        Map<String, Stored> byName = new LinkedHashMap<>();
        jdbc.sql("SELECT source_name, records_json, duration_ms FROM lookup_result WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query((rs, row) -> new Stored(rs.getString("source_name"), rs.getString("records_json"),
                        rs.getLong("duration_ms")))
                .list()
                .forEach(stored -> byName.put(stored.sourceName(), stored));
        List<LookupResult> ordered = new ArrayList<>();
        for (LookupProperties.Source source : properties.sources()) {
            Stored stored = byName.get(source.name());
            if (stored != null) {
                ordered.add(new LookupResult(source, parse(stored.recordsJson()), stored.durationMillis()));
            }
        }
        return ordered;
    }

    private record Stored(String sourceName, String recordsJson, long durationMillis) {
    }

    private void store(String requestId, LookupProperties.Source source, List<Map<String, Object>> records,
            long millis) {
        jdbc.sql("""
                INSERT INTO lookup_result (id, request_id, source_name, record_count, duration_ms, looked_up_at,
                    records_json)
                VALUES (:id, :requestId, :source, :count, :millis, :at, :records)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("source", source.name())
                .param("count", records.size())
                .param("millis", millis)
                .param("at", Timestamp.from(clock.instant()))
                .param("records", write(records))
                .update();
    }

    private static Map<String, Object> withoutSecrets(Map<String, Object> row) {
        Map<String, Object> clean = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            String name = column.toLowerCase();
            if (!SECRET_COLUMN.matcher(name).matches()) {
                clean.put(name, portable(value));
            }
        });
        return clean;
    }

    /** Database values as plain JSON values, the same on H2 and PostgreSQL. */
    private static Object portable(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value;
    }

    private String write(List<Map<String, Object>> records) {
        try {
            return json.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lookup records could not be written as JSON", e);
        }
    }

    private List<Map<String, Object>> parse(String records) {
        try {
            return json.readValue(records, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lookup records are not valid JSON", e);
        }
    }
}
