package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.lookup.DataSourceCatalogue.Rectification;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.LookupResult;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification: the corrections a requester asked for (data points named after a source's rectifiable fields,
 * for example {@code phone}) are listed next to the values the sources hold, for a compliance officer to approve;
 * approved corrections are applied through the source's configured update.
 */
@Service
public class Rectifications {

    private static final Logger log = LoggerFactory.getLogger(Rectifications.class);

    private final DataSourceCatalogue catalogue;
    private final SubjectDataLookup lookup;
    private final SourceReader reader;
    private final SourceConnections connections;
    private final HttpSources http;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final FulfilmentOutcomes outcomes;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Rectifications(DataSourceCatalogue catalogue, SubjectDataLookup lookup, SourceReader reader,
            SourceConnections connections, HttpSources http, RequestRepository requests, RequestEvents events,
            FulfilmentOutcomes outcomes, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.catalogue = catalogue;
        this.lookup = lookup;
        this.reader = reader;
        this.connections = connections;
        this.http = http;
        this.requests = requests;
        this.events = events;
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Lists the requested corrections next to the current values; returns how many there are. */
    @Transactional
    public long prepare(String requestId) {
        DsarRequest request = requests.get(requestId);
        Map<String, String> requested = dataPoints(request);
        jdbc.sql("DELETE FROM rectification_item WHERE request_id = :requestId AND applied_at IS NULL")
                .param("requestId", requestId).update();
        long count = 0;
        for (LookupResult result : lookup.results(requestId)) {
            Rectification rectification = result.source().rectification();
            if (rectification == null || result.recordCount() == 0) {
                continue;
            }
            for (Map.Entry<String, String> field : rectification.fields().entrySet()) {
                String value = requested.get(field.getKey());
                if (value == null) {
                    continue;
                }
                Set<String> current = new LinkedHashSet<>();
                lookup.forEachRecord(result, record -> {
                    Object held = record.get(field.getValue().toLowerCase());
                    if (held != null) {
                        current.add(held.toString());
                    }
                });
                jdbc.sql("""
                        INSERT INTO rectification_item (id, request_id, source_name, field_name, current_value,
                            requested_value)
                        VALUES (:id, :requestId, :source, :field, :current, :requested)
                        """)
                        .param("id", UUID.randomUUID().toString())
                        .param("requestId", requestId)
                        .param("source", result.source().name())
                        .param("field", field.getKey())
                        .param("current", current.isEmpty() ? null : String.join(" | ", current))
                        .param("requested", value)
                        .update();
                count++;
            }
        }
        events.record(requestId, "CORRECTIONS_LISTED", "corrections=" + count);
        return count;
    }

    /** The corrections of a request, for the compliance officer. */
    public List<Correction> corrections(String requestId) {
        return jdbc.sql("""
                SELECT source_name, field_name, current_value, requested_value, applied_at FROM rectification_item
                WHERE request_id = :requestId ORDER BY source_name, field_name
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Correction(rs.getString("source_name"), rs.getString("field_name"),
                        rs.getString("current_value"), rs.getString("requested_value"),
                        rs.getTimestamp("applied_at") != null))
                .list();
    }

    /** One requested correction next to the value the source holds. */
    public record Correction(String sourceName, String fieldName, String currentValue, String requestedValue,
            boolean applied) {
    }

    /** Applies the approved corrections; returns what was corrected, for the reviewer. */
    @Transactional
    public String apply(String requestId) {
        DsarRequest request = requests.get(requestId);
        SubjectParameters subject = lookup.subjectOf(request);
        List<String> lines = new ArrayList<>();
        for (Correction correction : corrections(requestId)) {
            if (correction.applied()) {
                continue;
            }
            Source source = catalogue.source(correction.sourceName());
            Rectification rectification = source.rectification();
            String column = rectification.fields().get(correction.fieldName());
            SubjectParameters parameters = reader.keyed(source, subject);
            int rows = 0;
            if (parameters != null && column != null && source.type() == SourceType.HTTP) {
                rows = correctAtProcessor(source, parameters, column, correction.requestedValue());
            } else if (parameters != null && column != null) {
                MapSqlParameterSource values = parameters.copy()
                        .addValue("correctedValue", correction.requestedValue());
                rows = connections.jdbc(source.connection()).update("UPDATE " + rectification.table() + " SET "
                        + column + " = :correctedValue WHERE " + rectification.where(), values);
            }
            jdbc.sql("""
                    UPDATE rectification_item SET applied_at = :at
                    WHERE request_id = :requestId AND source_name = :source AND field_name = :field
                    """)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("requestId", requestId)
                    .param("source", correction.sourceName())
                    .param("field", correction.fieldName())
                    .update();
            lines.add("Corrected: " + source.title() + ", " + correction.fieldName() + " (" + rows
                    + (rows == 1 ? " record)" : " records)"));
        }
        if (lines.isEmpty()) {
            lines.add("No correction was applied.");
        }
        outcomes.record(requestId, String.join("\n", lines));
        events.record(requestId, "CORRECTIONS_APPLIED", "corrections=" + lines.size());
        log.info("Request {}: {} corrections applied", request.reference(), lines.size());
        return String.join("\n", lines);
    }

    /**
     * Sends the correction of each record the verified identifiers find at an HTTP source; returns how many the
     * source changed (a record gone since the lookup is not counted).
     */
    private int correctAtProcessor(Source source, SubjectParameters subject, String field, String value) {
        Rectification rectification = source.rectification();
        List<Object> ids = new ArrayList<>();
        reader.read(source, subject, record -> ids.add(record.get(rectification.idColumn().toLowerCase())));
        int changed = 0;
        for (Object id : ids) {
            Map<String, Object> variables = SourceReader.urlVariables(subject);
            variables.put("id", id);
            changed += http.change(source, rectification.httpMethod(), rectification.url(), variables,
                    Map.of(field, value)) ? 1 : 0;
        }
        return changed;
    }

    private Map<String, String> dataPoints(DsarRequest request) {
        if (request.dataPointsJson() == null || request.dataPointsJson().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(request.dataPointsJson(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored data points are not valid JSON", e);
        }
    }
}
