package org.harmony.dsar.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consents a withdrawal names, by their catalogue names, and what withdrawing each changed. Named by the
 * requester with the request, or by a compliance officer from the consents found for the subject.
 */
@Repository
public class RequestConsents {

    /** Who named the consents. */
    public enum NamedBy { REQUESTER, OFFICER }

    private final JdbcClient jdbc;

    RequestConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the names not yet named for the request; naming one twice changes nothing. */
    public void name(String requestId, Collection<String> consentNames, NamedBy namedBy) {
        List<String> named = named(requestId);
        consentNames.stream().distinct().filter(name -> !named.contains(name)).forEach(name -> jdbc.sql("""
                INSERT INTO request_consent (request_id, consent_name, named_by) VALUES (:requestId, :name, :namedBy)
                """).param("requestId", requestId).param("name", name).param("namedBy", namedBy.name()).update());
    }

    /** The consent names of the request, sorted by name. */
    public List<String> named(String requestId) {
        return jdbc.sql("SELECT consent_name FROM request_consent WHERE request_id = :requestId ORDER BY consent_name")
                .param("requestId", requestId).query(String.class).list();
    }

    public void withdrawn(String requestId, String consentName, int records, Instant at) {
        jdbc.sql("""
                UPDATE request_consent SET records = :records, withdrawn_at = :at
                WHERE request_id = :requestId AND consent_name = :name
                """)
                .param("records", records).param("at", Timestamp.from(at))
                .param("requestId", requestId).param("name", consentName)
                .update();
    }
}
