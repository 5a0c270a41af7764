package org.harmony.dsar.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmony.dsar.deadline.process.DeadlineRules;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extensions of a request's deadline: the facts the DeadlineExtension table decides on, and the extension itself,
 * counted the way the request's own period is counted and kept for audit and for the requester's mails.
 */
@Service
public class DeadlineExtensions {

    private static final Set<RequestStage> CLOSED =
            EnumSet.of(RequestStage.COMPLETED, RequestStage.CLOSED_UNVERIFIED, RequestStage.DENIED);

    private final RequestRepository requests;
    private final RequestEvents events;
    private final DeadlineService deadlines;
    private final DeadlineRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlineExtensions(RequestRepository requests, RequestEvents events, DeadlineService deadlines,
            DeadlineRules rules, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.deadlines = deadlines;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the DeadlineExtension table decides on. */
    public record ExtensionCase(String requestId, String jurisdiction, RequestType requestType, Instant dueAt,
            int extensionsGranted, boolean beforeOriginalDeadline) {
    }

    /** An extension granted, as the requester is told about it. */
    public record Extension(Instant previousDueAt, Instant newDueAt, String reasonCode, String explanation) {
    }

    /** Thrown when no open request with a due date has the reference. */
    public static class NoOpenRequestException extends RuntimeException {
        NoOpenRequestException(String reference) {
            super("No open request with reference " + reference + " and a due date");
        }
    }

    /** The reasons an extension may give. */
    public static final Set<String> REASONS = Set.of("COMPLEXITY", "NUMBER_OF_REQUESTS", "OTHER");
    private static final int MAX_EXPLANATION = 1000;

    /** Why an extension cannot be asked for with these values; empty when it can (the table then decides). */
    public Optional<String> refusal(String reference, String reason, String explanation) {
        if (reason == null || !REASONS.contains(reason)) {
            return Optional.of("Choose a reason for the extension: one of " + REASONS);
        }
        if (explanation == null || explanation.isBlank() || explanation.length() > MAX_EXPLANATION) {
            return Optional.of("Explain the extension to the requester in 1 to " + MAX_EXPLANATION + " characters");
        }
        try {
            caseOf(reference == null ? "" : reference.strip());
            return Optional.empty();
        } catch (NoOpenRequestException e) {
            return Optional.of(e.getMessage());
        }
    }

    public ExtensionCase caseOf(String reference) {
        DsarRequest request = requests.findByReference(reference)
                .filter(found -> !CLOSED.contains(found.stage()) && found.dueAt() != null)
                .orElseThrow(() -> new NoOpenRequestException(reference));
        int granted = jdbc.sql("SELECT COUNT(*) FROM deadline_extension WHERE request_id = :id")
                .param("id", request.id()).query(Integer.class).single();
        Instant originalDueAt = jdbc.sql("""
                SELECT previous_due_at FROM deadline_extension WHERE request_id = :id ORDER BY requested_at
                """).param("id", request.id()).query(Timestamp.class).list().stream().findFirst()
                .map(Timestamp::toInstant).orElse(request.dueAt());
        return new ExtensionCase(request.id(), request.jurisdiction().code(), request.type(), request.dueAt(),
                granted, clock.instant().isBefore(originalDueAt));
    }

    /** Moves the due date on by the period, counted like the request's own period; returns the new due date. */
    @Transactional
    public Instant extend(String requestId, String period, String reasonCode, String explanation, String requestedBy) {
        DsarRequest request = requests.get(requestId);
        DeadlineCounting counting = rules.responseDeadline(request.jurisdiction().code(), request.type())
                .counting();
        Instant newDueAt = deadlines.extended(request.jurisdiction(), request.dueAt(), DeadlineService.parse(period),
                counting);
        jdbc.sql("""
                INSERT INTO deadline_extension (id, request_id, requested_at, requested_by, reason_code, explanation,
                    extension_period, previous_due_at, new_due_at)
                VALUES (:id, :requestId, :at, :by, :reason, :explanation, :period, :previous, :next)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", requestedBy)
                .param("reason", reasonCode)
                .param("explanation", explanation)
                .param("period", period)
                .param("previous", Timestamp.from(request.dueAt()))
                .param("next", Timestamp.from(newDueAt))
                .update();
        requests.updateDueAt(requestId, newDueAt);
        events.record(requestId, "DEADLINE_EXTENDED", "period=" + period + " reason=" + reasonCode
                + " previousDueAt=" + request.dueAt() + " dueAt=" + newDueAt + " by=" + requestedBy);
        return newDueAt;
    }

    public void recordRefusal(String requestId, String refusal, String requestedBy) {
        events.record(requestId, "EXTENSION_REFUSED", "refusal=" + refusal + " by=" + requestedBy);
    }

    public Optional<Extension> latest(String requestId) {
        return jdbc.sql("""
                SELECT previous_due_at, new_due_at, reason_code, explanation FROM deadline_extension
                WHERE request_id = :id ORDER BY requested_at DESC
                """)
                .param("id", requestId)
                .query((rs, row) -> new Extension(rs.getTimestamp("previous_due_at").toInstant(),
                        rs.getTimestamp("new_due_at").toInstant(), rs.getString("reason_code"),
                        rs.getString("explanation")))
                .list().stream().findFirst();
    }
}
