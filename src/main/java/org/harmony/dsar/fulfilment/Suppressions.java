package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.intake.RequestType;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue.Suppression;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.harmony.dsar.lookup.SourceReader;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.system.KeyedHash;
import org.harmony.dsar.lookup.SubjectParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restriction, objection, withdrawal of consent and opt-out of sale: the subject goes into the suppression register
 * with the scope and date, and the sources with a flag or consent field for the request type are updated. Setting
 * a flag twice changes nothing, so a retried job is harmless.
 */
@Service
public class Suppressions {

    private static final Logger log = LoggerFactory.getLogger(Suppressions.class);

    private final DataSourceCatalogue catalogue;
    private final SourceReader reader;
    private final SourceConnections connections;
    private final HttpSources http;
    private final SubjectDataLookup lookup;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final FulfilmentOutcomes outcomes;
    private final JdbcClient jdbc;
    private final KeyedHash hash;
    private final Clock clock;

    Suppressions(DataSourceCatalogue catalogue, SourceReader reader, SourceConnections connections, HttpSources http,
            SubjectDataLookup lookup, RequestRepository requests, RequestEvents events, FulfilmentOutcomes outcomes,
            JdbcClient jdbc, KeyedHash hash, Clock clock) {
        this.catalogue = catalogue;
        this.reader = reader;
        this.connections = connections;
        this.http = http;
        this.lookup = lookup;
        this.requests = requests;
        this.events = events;
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.hash = hash;
        this.clock = clock;
    }

    /** Registers the suppression and updates the sources; returns what changed, for the reviewer. */
    @Transactional
    public String apply(String requestId) {
        DsarRequest request = requests.get(requestId);
        Instant now = clock.instant();
        SubjectParameters subject = lookup.subjectOf(request);
        List<String> changed = new ArrayList<>();
        List<String> sourceNames = new ArrayList<>();
        for (Source source : catalogue.sources()) {
            List<Suppression> suppressions = source.suppressionFor(request.type());
            if (suppressions.isEmpty()) {
                continue;
            }
            SubjectParameters parameters = reader.keyed(source, subject);
            int rows = 0;
            for (Suppression suppression : suppressions) {
                if (parameters != null) {
                    rows += update(source, suppression, parameters, now);
                }
            }
            sourceNames.add(source.name());
            changed.add(source.title() + ": " + String.join(", ", suppressions.stream()
                    .flatMap(s -> s.set().keySet().stream()).toList()) + " updated on " + rows
                    + (rows == 1 ? " record" : " records"));
        }
        register(request, subjectHash(request.email(), hash), String.join(",", sourceNames), now);
        String date = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        List<String> lines = new ArrayList<>();
        lines.add("Recorded in our suppression register on " + date + ": " + request.type().description());
        changed.forEach(line -> lines.add("Updated: " + line));
        outcomes.record(requestId, String.join("\n", lines));
        events.record(requestId, "SUPPRESSION_APPLIED", "scope=" + request.type() + " sources=" + sourceNames.size());
        log.info("Request {}: suppression {} applied in {} sources", request.reference(), request.type(),
                sourceNames.size());
        return String.join("\n", lines);
    }

    private int update(Source source, Suppression suppression, SubjectParameters subject, Instant now) {
        if (source.type() == SourceType.HTTP) {
            Map<String, Object> fields = new LinkedHashMap<>();
            suppression.set().forEach((field, value) -> {
                Object typed = typed(value, now);
                fields.put(field, typed instanceof Timestamp timestamp ? timestamp.toInstant().toString() : typed);
            });
            JsonNode answer = http.send(source, suppression.method(), suppression.url(),
                    SourceReader.urlVariables(subject), fields);
            return answer.path("updated").asInt(1);
        }
        MapSqlParameterSource parameters = subject.copy();
        List<String> assignments = new ArrayList<>();
        suppression.set().forEach((column, value) -> {
            String name = "set_" + column;
            assignments.add(column + " = :" + name);
            parameters.addValue(name, typed(value, now));
        });
        return connections.jdbc(source.connection()).update("UPDATE " + suppression.table() + " SET "
                + String.join(", ", assignments) + " WHERE " + suppression.where(), parameters);
    }

    /** The configured value as SQL wants it: NOW as a timestamp, true/false as booleans, else text. */
    static Object typed(String value, Instant now) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "now" -> Timestamp.from(now);
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> value;
        };
    }

    /** The sources the request's suppression of {@code scope} was applied to, as the register recorded them. */
    public List<String> sources(String requestId, RequestType scope) {
        return jdbc.sql("SELECT sources FROM suppression_entry WHERE request_id = :requestId AND scope = :scope")
                .param("requestId", requestId).param("scope", scope.name()).query(String.class).optional()
                .filter(sources -> !sources.isBlank()).map(sources -> List.of(sources.split(","))).orElse(List.of());
    }

    private void register(DsarRequest request, String hash, String sources, Instant now) {
        boolean registered = jdbc.sql("SELECT COUNT(*) FROM suppression_entry WHERE request_id = :requestId AND scope = :scope")
                .param("requestId", request.id()).param("scope", request.type().name()).query(Integer.class).single() > 0;
        if (registered) {
            return;
        }
        jdbc.sql("""
                INSERT INTO suppression_entry (id, request_id, subject_hash, scope, recorded_at, sources)
                VALUES (:id, :requestId, :hash, :scope, :at, :sources)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", request.id())
                .param("hash", hash)
                .param("scope", request.type().name())
                .param("at", Timestamp.from(now))
                .param("sources", sources)
                .update();
    }

    /** Keyed (HMAC-SHA-256): without the installation's key, nobody can test a guessed address against the register. */
    static String subjectHash(String email, KeyedHash hash) {
        return hash.hex("suppression:" + email.strip().toLowerCase(Locale.ROOT));
    }
}
