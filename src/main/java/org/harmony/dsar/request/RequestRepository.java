package org.harmony.dsar.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.harmony.dsar.kernel.KeyedHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DsarRequest request, Channel channel) {
        DsarRequest.Agent agent = request.agent();
        jdbc.sql("""
                INSERT INTO dsar_request (id, reference, request_type, jurisdiction, email, full_name, details,
                    data_points, agent_name, agent_email, agent_relationship, language, stage, received_at, channel)
                VALUES (:id, :reference, :type, :jurisdiction, :email, :fullName, :details,
                    :dataPoints, :agentName, :agentEmail, :agentRelationship, :language, :stage, :receivedAt, :channel)
                """)
                .param("id", request.id())
                .param("reference", request.reference())
                .param("type", request.type().name())
                .param("jurisdiction", request.jurisdiction().code())
                .param("email", request.email())
                .param("fullName", request.fullName())
                .param("details", request.details())
                .param("dataPoints", request.dataPointsJson())
                .param("agentName", agent == null ? null : agent.name())
                .param("agentEmail", agent == null ? null : agent.email())
                .param("agentRelationship", agent == null ? null : agent.relationship())
                .param("language", request.language().toLanguageTag())
                .param("stage", request.stage().name())
                .param("receivedAt", Timestamp.from(request.receivedAt()))
                .param("channel", channel.name())
                .update();
    }

    public void recordLoggedDetails(String id, String postalAddress, String lateEntryReason) {
        jdbc.sql("UPDATE dsar_request SET postal_address = :address, late_entry_reason = :reason WHERE id = :id")
                .param("address", postalAddress).param("reason", lateEntryReason).param("id", id).update();
    }

    public Optional<String> postalAddressOf(String id) {
        return jdbc.sql("SELECT postal_address FROM dsar_request WHERE id = :id").param("id", id)
                .query((rs, row) -> Optional.ofNullable(rs.getString("postal_address"))).single();
    }

    public Channel channelOf(String id) {
        return Channel.valueOf(jdbc.sql("SELECT channel FROM dsar_request WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    /** Requests received since then with this address as the subject's or the agent's, and the oldest of them. */
    public RecentRequests recentFor(String address, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM dsar_request
                WHERE received_at > :since AND (LOWER(email) = :address OR LOWER(agent_email) = :address)
                """)
                .param("since", Timestamp.from(since))
                .param("address", address.strip().toLowerCase(Locale.ROOT))
                .query((rs, row) -> new RecentRequests(rs.getLong("n"), instant(rs, "oldest")))
                .single();
    }

    public record RecentRequests(long count, Instant oldest) {
    }

    public Optional<DsarRequest> findById(String id) {
        return jdbc.sql("SELECT * FROM dsar_request WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public DsarRequest get(String id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("No request with id " + id));
    }

    public Optional<DsarRequest> findByReference(String reference) {
        return jdbc.sql("SELECT * FROM dsar_request WHERE reference = :reference")
                .param("reference", reference).query(this::map).optional();
    }

    /**
     * The request, locked until the transaction ends: concurrent changes of one request (two verifications with
     * the same code, say) run one after the other.
     */
    public Optional<DsarRequest> lockByReference(String reference) {
        return jdbc.sql("SELECT * FROM dsar_request WHERE reference = :reference FOR UPDATE")
                .param("reference", reference).query(this::map).optional();
    }

    public void attachProcessInstance(String id, String processInstanceId) {
        jdbc.sql("UPDATE dsar_request SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    public void updateDueAt(String id, Instant dueAt) {
        jdbc.sql("UPDATE dsar_request SET due_at = :dueAt WHERE id = :id")
                .param("dueAt", Timestamp.from(dueAt)).param("id", id).update();
    }

    public void updateStage(String id, RequestStage stage, Instant at) {
        jdbc.sql("""
                UPDATE dsar_request SET stage = :stage,
                    completed_at = CASE WHEN :terminal THEN :at ELSE completed_at END
                WHERE id = :id
                """)
                .param("stage", stage.name())
                .param("terminal", stage == RequestStage.COMPLETED || stage == RequestStage.CLOSED_UNVERIFIED
                        || stage == RequestStage.DENIED)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Replaces the identity data points (a JSON object), for example with those added after intake. */
    public void updateDataPoints(String id, String dataPointsJson) {
        jdbc.sql("UPDATE dsar_request SET data_points = :dataPoints WHERE id = :id")
                .param("dataPoints", dataPointsJson).param("id", id).update();
    }

    /** The requester asked to be told who received their data (GDPR Art 19). */
    public void markRecipientsRequested(String id) {
        jdbc.sql("UPDATE dsar_request SET recipients_requested = TRUE WHERE id = :id").param("id", id).update();
    }

    /** Stores the other controller's address a portability request is to be sent to, with its keyed hash. */
    public void recordTransmitTo(String id, String address, KeyedHash hash) {
        jdbc.sql("UPDATE dsar_request SET transmit_to = :to, transmit_to_key = :key WHERE id = :id")
                .param("to", address.strip()).param("key", transmitToKey(address, hash)).param("id", id).update();
    }

    /** The keyed hash of a transmission address: case and surrounding spaces ignored. */
    public static String transmitToKey(String address, KeyedHash hash) {
        return hash.hex("transmit-to:" + address.strip().toLowerCase(Locale.ROOT));
    }

    public boolean recipientsRequested(String id) {
        return jdbc.sql("SELECT recipients_requested FROM dsar_request WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    public void updateAccessScope(String id, AccessScope scope) {
        jdbc.sql("UPDATE dsar_request SET access_scope = :scope WHERE id = :id")
                .param("scope", scope.name()).param("id", id).update();
    }

    public void markVerified(String id, Instant at) {
        jdbc.sql("UPDATE dsar_request SET verified_at = :at WHERE id = :id AND verified_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private DsarRequest map(ResultSet rs, int row) throws SQLException {
        String agentName = rs.getString("agent_name");
        DsarRequest.Agent agent = agentName == null ? null
                : new DsarRequest.Agent(agentName, rs.getString("agent_email"), rs.getString("agent_relationship"));
        return new DsarRequest(
                rs.getString("id"),
                rs.getString("reference"),
                RequestType.valueOf(rs.getString("request_type")),
                Jurisdiction.ofCode(rs.getString("jurisdiction")),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("details"),
                rs.getString("data_points"),
                agent,
                Locale.forLanguageTag(rs.getString("language")),
                RequestStage.valueOf(rs.getString("stage")),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "verified_at"),
                instant(rs, "completed_at"),
                AccessScope.valueOf(rs.getString("access_scope")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
