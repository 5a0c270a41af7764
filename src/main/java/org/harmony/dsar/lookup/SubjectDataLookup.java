package org.harmony.dsar.lookup;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the subject's data in the catalogue's sources, one source at a time (each its own job, so that sources
 * are looked up in parallel and a source that is down retries on its own). The records go to a file, counts and
 * timing to table {@code lookup_result}; nothing goes into process variables.
 */
@Service
public class SubjectDataLookup {

    private static final Logger log = LoggerFactory.getLogger(SubjectDataLookup.class);

    private final DataSourceCatalogue catalogue;
    private final SourceReader reader;
    private final LookupFiles files;
    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final VerifiedIdentifiers identifiers;
    private final Clock clock;

    SubjectDataLookup(DataSourceCatalogue catalogue, SourceReader reader, LookupFiles files, JdbcClient jdbc,
            RequestRepository requests, RequestEvents events, VerifiedIdentifiers identifiers, Clock clock) {
        this.catalogue = catalogue;
        this.reader = reader;
        this.files = files;
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.identifiers = identifiers;
        this.clock = clock;
    }

    /**
     * The parameters that find the request's subject: the identifiers verified for it, never a data point the
     * requester merely typed ({@link VerifiedIdentifiers}).
     */
    public SubjectParameters subjectOf(DsarRequest request) {
        return identifiers.parametersOf(request.id());
    }

    /** Looks the subject up in one source, replacing that source's earlier result for the request. */
    @Transactional
    public LookupResult lookUp(String requestId, String sourceName) {
        DsarRequest request = requests.get(requestId);
        Source source = catalogue.source(sourceName);
        SubjectParameters subject = subjectOf(request);
        String file = files.file(requestId, sourceName);
        long started = System.nanoTime();
        long count = files.write(file, records -> reader.read(source, subject, records));
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("DELETE FROM lookup_result WHERE request_id = :requestId AND source_name = :source")
                .param("requestId", requestId).param("source", sourceName).update();
        jdbc.sql("""
                INSERT INTO lookup_result (id, request_id, source_name, source_title, record_count, duration_ms,
                    looked_up_at, records_file)
                VALUES (:id, :requestId, :source, :title, :count, :millis, :at, :file)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("source", sourceName)
                .param("title", source.title())
                .param("count", count)
                .param("millis", millis)
                .param("at", Timestamp.from(clock.instant()))
                .param("file", file)
                .update();
        events.record(requestId, "SOURCE_LOOKED_UP", "source=" + sourceName + " records=" + count + " ms=" + millis);
        log.info("Request {}: source {} returned {} records in {} ms", request.reference(), sourceName, count, millis);
        return new LookupResult(source, count, millis, file);
    }

    /** Counts and timing of the last lookup, per source, for the reviewer; records the lookup in the audit. */
    @Transactional
    public String summarise(String requestId) {
        List<LookupResult> results = results(requestId);
        StringBuilder summary = new StringBuilder();
        long total = 0;
        for (LookupResult result : results) {
            total += result.recordCount();
            summary.append(result.source().title()).append(": ").append(result.recordCount())
                    .append(result.recordCount() == 1 ? " record" : " records")
                    .append(" (").append(result.durationMillis()).append(" ms)\n");
        }
        events.record(requestId, "DATA_LOOKED_UP", "sources=" + results.size() + " records=" + total);
        return summary.append("Total: ").append(total).append(" records in ").append(results.size())
                .append(" sources").toString();
    }

    /** The results of the last lookup, in the catalogue's source order. */
    public List<LookupResult> results(String requestId) {
        Map<String, LookupResult> byName = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT source_name, record_count, duration_ms, records_file FROM lookup_result
                WHERE request_id = :requestId
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Stored(rs.getString("source_name"), rs.getLong("record_count"),
                        rs.getLong("duration_ms"), rs.getString("records_file")))
                .list()
                .forEach(stored -> catalogue.find(stored.sourceName()).ifPresent(source -> byName.put(
                        stored.sourceName(), new LookupResult(source, stored.recordCount(), stored.durationMillis(),
                                stored.recordsFile()))));
        List<LookupResult> ordered = new ArrayList<>();
        for (Source source : catalogue.sources()) {
            LookupResult result = byName.get(source.name());
            if (result != null) {
                ordered.add(result);
            }
        }
        return ordered;
    }

    private record Stored(String sourceName, long recordCount, long durationMillis, String recordsFile) {
    }

    /** Streams the records a lookup found. */
    public void forEachRecord(LookupResult result, Consumer<Map<String, Object>> records) {
        if (result.recordsFile() != null) {
            files.forEach(result.recordsFile(), records);
        }
    }

    /** Removes the records the lookups of a request found, with the surrounding transaction. */
    public void deleteRecords(String requestId) {
        files.deleteAll(requestId);
    }

    /** The requests whose lookup records are stored. */
    public Set<String> requestsWithRecords() {
        return files.requestIds();
    }

}
