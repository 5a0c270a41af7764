package org.harmony.dsar.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmony.dsar.kernel.ScannedDocuments;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans of the letters staff logged, attached by a compliance officer after logging the request (Tasklist's Camunda
 * Forms in 7.24 have no file field): PDF, PNG or JPEG whose first bytes match the type, at most
 * {@code dsar.intake.max-scan-bytes}, to an open request received by letter. Deleted when the request ends.
 */
@Component
public class LetterScans {


    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;
    private final long maxBytes;

    LetterScans(JdbcClient jdbc, RequestEvents events, Clock clock,
            @Value("${dsar.intake.max-scan-bytes:5242880}") long maxBytes) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** A stored scan, without its content. */
    public record Scan(String id, String fileName, String contentType, long sizeBytes, String uploadedBy,
            Instant uploadedAt) {
    }

    /** Why a scan cannot be attached. */
    public enum Refusal { TOO_LARGE, WRONG_TYPE, NOT_A_LETTER, REQUEST_ENDED }

    public long maxBytes() {
        return maxBytes;
    }

    /** Why this file cannot be attached to the request; empty when it can. */
    public Optional<Refusal> refusal(DsarRequest request, Channel channel, String contentType, byte[] content) {
        if (channel != Channel.LETTER) {
            return Optional.of(Refusal.NOT_A_LETTER);
        }
        if (request.completedAt() != null || isEnded(request.id())) {
            return Optional.of(Refusal.REQUEST_ENDED);
        }
        if (content.length > maxBytes) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        if (contentType == null || !ScannedDocuments.TYPES.contains(contentType)
                || !ScannedDocuments.looksLike(contentType, content)) {
            return Optional.of(Refusal.WRONG_TYPE);
        }
        return Optional.empty();
    }

    @Transactional
    public String attach(String requestId, String fileName, String contentType, byte[] content, String userId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO letter_scan (id, request_id, file_name, content_type, size_bytes, content, uploaded_by,
                    uploaded_at)
                VALUES (:id, :requestId, :fileName, :type, :size, :content, :by, :at)""")
                .param("id", id).param("requestId", requestId)
                .param("fileName", fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255)))
                .param("type", contentType).param("size", content.length).param("content", content)
                .param("by", userId).param("at", Timestamp.from(clock.instant()))
                .update();
        events.record(requestId, "LETTER_SCAN_ATTACHED", "scan=" + id + " type=" + contentType + " bytes="
                + content.length + " by=" + userId);
        return id;
    }

    public List<Scan> of(String requestId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, size_bytes, uploaded_by, uploaded_at FROM letter_scan
                WHERE request_id = :requestId ORDER BY uploaded_at""")
                .param("requestId", requestId)
                .query((rs, row) -> new Scan(rs.getString("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    public Optional<byte[]> content(String requestId, String scanId) {
        return jdbc.sql("SELECT content FROM letter_scan WHERE id = :id AND request_id = :requestId")
                .param("id", scanId).param("requestId", requestId)
                .query((rs, row) -> rs.getBytes("content")).optional();
    }

    /** Deletes the request's scans when it ends; how many. */
    public int eraseForRequest(String requestId) {
        return jdbc.sql("DELETE FROM letter_scan WHERE request_id = :requestId").param("requestId", requestId)
                .update();
    }

    private boolean isEnded(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE id = :id AND ended_at IS NOT NULL")
                .param("id", requestId).query(Integer.class).single() > 0;
    }
}
