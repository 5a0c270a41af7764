package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.harmony.dsar.lookup.DataSourceCatalogue.Suppression;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.HttpSources;
import org.harmony.dsar.lookup.SourceConnections;
import org.harmony.dsar.lookup.SourceReader;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.SubjectParameters;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestConsents;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestObjections;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restriction, objection, withdrawal of consent and opt-out of sale: the subject goes into the suppression register
 * with the scope and date, and the sources with a flag or consent field for the request type are updated (for a
 * withdrawal of consent, only the fields of the consents the request names; for an objection, those serving its
 * kind: an objection to direct marketing stops marketing, not everything). Setting
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
    private final RequestConsents consents;
    private final RequestObjections objections;
    private final Clock clock;

    Suppressions(DataSourceCatalogue catalogue, SourceReader reader, SourceConnections connections, HttpSources http,
            SubjectDataLookup lookup, RequestRepository requests, RequestEvents events, FulfilmentOutcomes outcomes,
            JdbcClient jdbc, KeyedHash hash, RequestConsents consents, RequestObjections objections, Clock clock) {
        this.consents = consents;
        this.objections = objections;
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

    /**
     * Registers the suppression and updates the sources; returns what changed, for the reviewer. A withdrawal of
     * consent changes only the consents the request names, each on its own line of the outcome.
     */
    @Transactional
    public String apply(String requestId) {
        DsarRequest request = requests.get(requestId);
        Instant now = clock.instant();
        SubjectParameters subject = lookup.subjectOf(request);
        boolean withdrawal = request.type() == RequestType.WITHDRAW_CONSENT;
        ObjectionScope objection = request.type() == RequestType.OBJECTION ? objections.scope(requestId) : null;
        Set<String> named = withdrawal ? new LinkedHashSet<>(consents.named(requestId)) : Set.of();
        Map<String, Integer> withdrawn = new LinkedHashMap<>();
        named.forEach(name -> withdrawn.put(name, 0));
        List<String> changed = new ArrayList<>();
        List<String> sourceNames = new ArrayList<>();
        for (Source source : catalogue.sources()) {
            List<Suppression> suppressions = source.suppressionFor(request.type()).stream()
                    .filter(s -> !withdrawal || named.contains(s.consent()))
                    .filter(s -> objection == null || s.objectsTo().contains(objection)).toList();
            if (suppressions.isEmpty()) {
                continue;
            }
            SubjectParameters parameters = reader.keyed(source, subject);
            int rows = 0;
            for (Suppression suppression : suppressions) {
                int updated = parameters == null ? 0 : update(source, suppression, suppression.set(), parameters, now);
                rows += updated;
                if (withdrawal) {
                    withdrawn.merge(suppression.consent(), updated, Integer::sum);
                }
            }
            sourceNames.add(source.name());
            changed.add(source.title() + ": " + String.join(", ", suppressions.stream()
                    .flatMap(s -> s.set().keySet().stream()).distinct().toList()) + " updated on " + records(rows));
        }
        register(request, subjectHash(request.email(), hash), String.join(",", sourceNames), now);
        String date = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        List<String> lines = new ArrayList<>();
        lines.add("Recorded in our suppression register on " + date + ": " + request.type().description());
        withdrawn.forEach((name, rows) -> {
            consents.withdrawn(requestId, name, rows, now);
            lines.add("Consent withdrawn: " + catalogue.consent(name).map(c -> c.title() + " (" + c.purpose() + ")")
                    .orElse(name) + ", " + records(rows));
        });
        if (withdrawal && withdrawn.isEmpty()) {
            lines.add("No consent was named: nothing was withdrawn");
        }
        changed.forEach(line -> lines.add("Updated: " + line));
        outcomes.record(requestId, String.join("\n", lines));
        events.record(requestId, "SUPPRESSION_APPLIED", "scope=" + request.type() + " sources=" + sourceNames.size()
                + (withdrawal ? " consents=" + String.join(",", withdrawn.keySet()) : ""));
        log.info("Request {}: suppression {} applied in {} sources", request.reference(), request.type(),
                sourceNames.size());
        return String.join("\n", lines);
    }

    /**
     * The consents the subject has given, as far as the sources tell: per catalogue consent, the records its
     * withdrawal would change (jdbc; an http source cannot be counted and is listed with -1). Consents without such
     * records are left out.
     */
    public List<ConsentFound> consentsFound(String requestId) {
        SubjectParameters subject = lookup.subjectOf(requests.get(requestId));
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Source source : catalogue.sources()) {
            List<Suppression> withdrawals = source.suppressionFor(RequestType.WITHDRAW_CONSENT);
            SubjectParameters parameters = withdrawals.isEmpty() ? null : reader.keyed(source, subject);
            for (Suppression suppression : withdrawals) {
                int records = parameters == null ? 0 : source.type() == SourceType.HTTP ? -1
                        : connections.jdbc(source.connection()).queryForObject("SELECT COUNT(*) FROM "
                                + suppression.table() + " WHERE " + suppression.where(), parameters.copy(), Integer.class);
                found.merge(suppression.consent(), records, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
            }
        }
        return catalogue.consents().stream().filter(consent -> found.getOrDefault(consent.name(), 0) != 0)
                .map(consent -> new ConsentFound(consent.name(), consent.title(), consent.purpose(),
                        found.get(consent.name())))
                .toList();
    }

    /**
     * The consents a compliance officer chose to withdraw, from those found for the subject; refused (nothing
     * recorded) when one was not found.
     */
    public void choose(String requestId, List<String> consentNames) {
        refusal(requestId, consentNames).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        consents.name(requestId, consentNames, RequestConsents.NamedBy.OFFICER);
        events.record(requestId, "CONSENTS_CHOSEN", "consents=" + String.join(",", consentNames));
    }

    /** Why these consents cannot be chosen for the request (one was not found for the subject); empty when they can. */
    public Optional<String> refusal(String requestId, List<String> consentNames) {
        Set<String> found = new LinkedHashSet<>();
        consentsFound(requestId).forEach(consent -> found.add(consent.name()));
        List<String> unknown = consentNames.stream().filter(name -> !found.contains(name)).toList();
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of("Not among the consents found for the subject: " + String.join(", ", unknown));
    }

    /** A consent the subject has given: its catalogue entry and the records that show it (-1: not countable). */
    public record ConsentFound(String name, String title, String purpose, int records) {
    }

    private static String records(int rows) {
        return rows + (rows == 1 ? " record" : " records");
    }

    /**
     * Lifts the request's restriction: the catalogue's {@code lift} values are set where the restriction set its
     * flags, and the suppression entry is marked lifted. Returns what was undone, per source, for the evidence; a
     * second call (a repeated job) finds the entry lifted and changes nothing.
     */
    @Transactional
    public String liftRestriction(String requestId) {
        DsarRequest request = requests.get(requestId);
        Instant now = clock.instant();
        if (jdbc.sql("""
                UPDATE suppression_entry SET lifted_at = :at
                WHERE request_id = :requestId AND scope = :scope AND lifted_at IS NULL
                """).param("at", Timestamp.from(now)).param("requestId", requestId)
                .param("scope", RequestType.RESTRICTION.name()).update() == 0) {
            return "";
        }
        SubjectParameters subject = lookup.subjectOf(request);
        List<String> lifted = new ArrayList<>();
        for (Source source : catalogue.sources()) {
            List<Suppression> restrictions = source.suppressionFor(RequestType.RESTRICTION).stream()
                    .filter(s -> !s.lift().isEmpty()).toList();
            SubjectParameters parameters = restrictions.isEmpty() ? null : reader.keyed(source, subject);
            if (parameters == null) {
                continue;
            }
            int rows = 0;
            for (Suppression restriction : restrictions) {
                rows += update(source, restriction, restriction.lift(), parameters, now);
            }
            lifted.add(source.title() + ": " + String.join(", ", restrictions.stream()
                    .flatMap(s -> s.lift().keySet().stream()).distinct().toList()) + " reset on " + records(rows));
        }
        events.record(requestId, "RESTRICTION_LIFTED", "sources=" + lifted.size());
        log.info("Request {}: restriction lifted in {} sources", request.reference(), lifted.size());
        return String.join("\n", lifted);
    }

    private int update(Source source, Suppression suppression, Map<String, String> values, SubjectParameters subject,
            Instant now) {
        if (source.type() == SourceType.HTTP) {
            Map<String, Object> fields = new LinkedHashMap<>();
            values.forEach((field, value) -> {
                Object typed = typed(value, now);
                fields.put(field, typed instanceof Timestamp timestamp ? timestamp.toInstant().toString() : typed);
            });
            JsonNode answer = http.send(source, suppression.method(), suppression.url(),
                    SourceReader.urlVariables(subject), fields);
            return answer.path("updated").asInt(1);
        }
        MapSqlParameterSource parameters = subject.copy();
        List<String> assignments = new ArrayList<>();
        values.forEach((column, value) -> {
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
