package org.harmony.dsar.lookup;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.Masking;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identifiers that find, package, erase, correct or flag a subject's records: fixed when the identity is
 * verified, each with the reason it was trusted. A data point a requester typed is evidence for the identity check
 * and never becomes one of these on its own, so nobody reaches another person's records by giving that person's
 * phone number. A request without verified identifiers finds nothing: the lookup refuses to run.
 */
@Component
public class VerifiedIdentifiers {

    /** The subject's email: always the first identifier of a verified request. */
    public static final String EMAIL = "email";

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;
    private final RepeatedRequests repeats;
    private final KeyedHash hash;

    VerifiedIdentifiers(JdbcClient jdbc, RequestEvents events, Clock clock, RepeatedRequests repeats, KeyedHash hash) {
        this.repeats = repeats;
        this.hash = hash;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the request's identifiers; the audit trail gets names and reasons, never values. */
    @Transactional
    public void record(String requestId, List<Identifier> identifiers) {
        if (identifiers.stream().noneMatch(identifier -> EMAIL.equals(identifier.name()))) {
            throw new IllegalArgumentException("A verified request needs its email among its identifiers");
        }
        jdbc.sql("DELETE FROM verified_identifier WHERE request_id = :requestId").param("requestId", requestId)
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Identifier identifier : identifiers) {
            jdbc.sql("""
                    INSERT INTO verified_identifier (id, request_id, name, identifier_value, basis, basis_detail,
                        recorded_at)
                    VALUES (:id, :requestId, :name, :value, :basis, :detail, :at)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("requestId", requestId)
                    .param("name", identifier.name())
                    .param("value", identifier.value())
                    .param("basis", identifier.basis().name())
                    .param("detail", identifier.detail())
                    .param("at", now)
                    .update();
        }
        events.record(requestId, "IDENTIFIERS_VERIFIED", String.join(" ", identifiers.stream()
                .map(identifier -> identifier.name() + "=" + identifier.basis()).toList()));
        repeats.linkSamePerson(requestId, openRequestsOfSamePerson(requestId, identifiers));
    }

    /**
     * The other open requests of the same right whose verified identifiers share one with these, compared as the
     * legal-hold registry compares them (keyed hashes of the normalised email, phone, customer number; other names
     * by their value ignoring case and surrounding spaces).
     */
    private Set<String> openRequestsOfSamePerson(String requestId, List<Identifier> identifiers) {
        Set<String> keys = identifiers.stream().map(identifier -> key(identifier.name(), identifier.value()))
                .filter(key -> !key.isEmpty()).collect(Collectors.toSet());
        Set<String> same = new LinkedHashSet<>();
        jdbc.sql("""
                SELECT theirs.request_id, theirs.name, theirs.identifier_value FROM verified_identifier theirs
                JOIN dsar_request other ON other.id = theirs.request_id
                JOIN dsar_request me ON me.id = :id AND me.request_type = other.request_type
                WHERE other.id <> :id AND other.ended_at IS NULL AND other.completed_at IS NULL
                    AND theirs.identifier_value IS NOT NULL""")
                .param("id", requestId)
                .query((rs, row) -> new String[] {rs.getString("request_id"), rs.getString("name"),
                        rs.getString("identifier_value")})
                .list().stream()
                .filter(row -> keys.contains(key(row[1], row[2])))
                .forEach(row -> same.add(row[0]));
        return same;
    }

    /** The identifier's key; empty when nothing is left to compare after normalising. */
    private String key(String name, String value) {
        for (SubjectKey.Type type : SubjectKey.Type.values()) {
            if (type.dataPoint().equals(name)) {
                SubjectKey key = SubjectKey.of(type, value, hash);
                return key == null ? "" : key.hash();
            }
        }
        return value.isBlank() ? "" : hash.hex("identifier:" + name + ":" + value.strip().toLowerCase(Locale.ROOT));
    }

    /** The request's identifiers in the order they were recorded; empty before verification and after the end. */
    public List<Identifier> of(String requestId) {
        return jdbc.sql("""
                SELECT name, identifier_value, basis, basis_detail FROM verified_identifier
                WHERE request_id = :requestId AND identifier_value IS NOT NULL ORDER BY recorded_at, name
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Identifier(rs.getString("name"), rs.getString("identifier_value"),
                        Basis.valueOf(rs.getString("basis")), rs.getString("basis_detail")))
                .list();
    }

    /**
     * The parameters a source's query finds the subject by: the verified email and the other verified identifiers
     * (the first value of each name); every other name a query uses is null.
     *
     * @throws UnverifiedSubject when the request has no verified email (never verified, or already ended)
     */
    public SubjectParameters parametersOf(String requestId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Identifier identifier : of(requestId)) {
            values.putIfAbsent(identifier.name(), identifier.value());
        }
        String email = values.remove(EMAIL);
        if (email == null) {
            throw new UnverifiedSubject(requestId);
        }
        return SubjectParameters.of(email, values);
    }

    /**
     * For a reviewer: each identifier the lookup used, its value masked, and why it was trusted; one per line.
     */
    public String describe(String requestId) {
        List<Identifier> identifiers = of(requestId);
        if (identifiers.isEmpty()) {
            return "None verified: nothing was looked up.";
        }
        return String.join("\n", identifiers.stream().map(Identifier::describe).toList());
    }

    /** Erases the values when the request ends: names and reasons stay as evidence of what the lookup used. */
    @Transactional
    public int forget(String requestId) {
        return jdbc.sql("UPDATE verified_identifier SET identifier_value = NULL WHERE request_id = :requestId"
                + " AND identifier_value IS NOT NULL").param("requestId", requestId).update();
    }

    /** Why an identifier was trusted. */
    public enum Basis {
        /** The email address, proved by the code or the link mailed to it (for an agent: the subject's address). */
        EMAIL_CONFIRMED("confirmed by the code or link mailed to it"),
        /** The email address, confirmed by a compliance officer in "Review identity". */
        OFFICER_VERIFIED("identity verified by a compliance officer"),
        /** The email address of a request the law lets the engine act on without verification (opt-out of sale). */
        NO_VERIFICATION_REQUIRED("given by the requester; this request type needs no verification"),
        /** Held by the system of record for the verified email address. */
        SYSTEM_OF_RECORD("tied to the verified email by the system of record"),
        /** A submitted data point a compliance officer confirmed belongs to the requester. */
        OFFICER_CONFIRMED("confirmed by a compliance officer in Review identity");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One identifier, why it was trusted and, where it helps, from where (a table, an officer). */
    public record Identifier(String name, String value, Basis basis, String detail) {

        /** A line for a reviewer: the value masked, the reason in words. */
        public String describe() {
            return name + " " + Masking.mask(value) + ": " + basis.description()
                    + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }

    /** A lookup or change for a request whose identity was never verified, or whose request has ended. */
    public static final class UnverifiedSubject extends IllegalStateException {
        UnverifiedSubject(String requestId) {
            super("Request " + requestId + " has no verified identifiers: nothing is looked up or changed");
        }
    }
}
