package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.harmony.dsar.fulfilment.process.RestrictionLiftProcesses;
import org.harmony.dsar.kernel.process.SubmittedValues;
import org.harmony.dsar.legalhold.LegalGrounds;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifting a restriction (GDPR Art 18(3)) as a step of its own: a compliance officer starts it for a completed
 * restriction, decides it with a reason, the requester is told before the lift, and the lift is recorded as evidence
 * ({@code restriction_lift}) next to what {@link Suppressions#liftRestriction} undid.
 */
@Service
public class RestrictionLifts {

    /** The message that starts RestrictionLiftProcess, with the restriction's reference as business key. */
    public static final String START_MESSAGE = "Message_LiftRestriction";

    /** Why a restriction may be lifted: the keys of mail/grounds.properties the notice explains. */
    public static final Set<String> REASONS = Set.of("RESTRICTION-ACCURACY-VERIFIED", "RESTRICTION-OBJECTION-DECIDED",
            "RESTRICTION-CLAIMS-ENDED", "RESTRICTION-SUBJECT-CONSENTED");

    /** Why a lift cannot start: the request is unknown, no restriction, or a lift is open or done. */
    public static class LiftRefusedException extends RuntimeException {
        private final boolean unknown;

        LiftRefusedException(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }

        public boolean unknown() {
            return unknown;
        }
    }

    private final RequestRepository requests;
    private final RequestEvents events;
    private final RestrictionLiftProcesses processes;
    private final JdbcClient jdbc;
    private final FulfilmentProperties properties;
    private final Suppressions suppressions;
    private final Clock clock;

    RestrictionLifts(RequestRepository requests, RequestEvents events, RestrictionLiftProcesses processes, JdbcClient jdbc,
            FulfilmentProperties properties, Suppressions suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.requests = requests;
        this.events = events;
        this.processes = processes;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts RestrictionLiftProcess for the restriction with this reference; refused as {@link LiftRefusedException} says. */
    @Transactional
    public void start(String reference, String officer) {
        DsarRequest request = requests.findByReference(reference)
                .orElseThrow(() -> new LiftRefusedException("No request " + reference, true));
        boolean restricted = jdbc.sql("""
                SELECT COUNT(*) FROM suppression_entry
                WHERE request_id = :id AND scope = 'RESTRICTION' AND lifted_at IS NULL""")
                .param("id", request.id()).query(Integer.class).single() > 0;
        if (request.type() != RequestType.RESTRICTION || !restricted) {
            throw new LiftRefusedException(reference + " is no restriction in force", false);
        }
        Optional<String> open = jdbc.sql("SELECT decision FROM restriction_lift WHERE request_id = :id")
                .param("id", request.id()).query((rs, n) -> String.valueOf(rs.getString(1))).optional();
        if (open.isPresent() && !LiftDecision.KEEP.name().equals(open.get())) {
            throw new LiftRefusedException("A lift of " + reference + " is already under way", false);
        }
        jdbc.sql("DELETE FROM restriction_lift WHERE request_id = :id").param("id", request.id()).update();
        jdbc.sql("""
                INSERT INTO restriction_lift (request_id, started_by, started_at) VALUES (:id, :by, :at)""")
                .param("id", request.id()).param("by", officer).param("at", Timestamp.from(clock.instant())).update();
        events.record(request.id(), "RESTRICTION_LIFT_STARTED", "by=" + officer);
        processes.start(request);
    }

    /** Why this decision, as submitted, cannot be recorded; empty when it can. */
    public Optional<String> refusal(String decision, String reasonCode) {
        return refusalOf(SubmittedValues.named(LiftDecision.class, decision), reasonCode);
    }

    /** Why this decision (null for none) cannot be recorded; empty when it can. */
    public Optional<String> refusalOf(LiftDecision decision, String reasonCode) {
        if (decision == null) {
            return Optional.of("Choose whether to lift the restriction or keep it");
        }
        if (decision == LiftDecision.LIFT && (reasonCode == null || !REASONS.contains(reasonCode))) {
            return Optional.of("Name why the restriction is lifted: one of " + String.join(", ", REASONS.stream()
                    .sorted().toList()));
        }
        return Optional.empty();
    }

    /**
     * Records the officer's decision; for a lift, returns the moment it may happen (the notice period from now),
     * else null. Refused with {@link IllegalArgumentException} as {@link #refusalOf} says.
     */
    @Transactional
    public Date decide(String requestId, LiftDecision decision, String reasonCode, String officer) {
        refusalOf(decision, reasonCode).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        Instant now = clock.instant();
        boolean lift = decision == LiftDecision.LIFT;
        Instant notBefore = lift ? now.plus(properties.restrictionLiftNotice()) : null;
        jdbc.sql("""
                UPDATE restriction_lift SET decision = :decision, reason_code = :reason, decided_by = :by,
                    decided_at = :at, lift_not_before = :notBefore
                WHERE request_id = :id""")
                .param("decision", decision.name()).param("reason", lift ? reasonCode : null)
                .param("by", officer).param("at", Timestamp.from(now))
                .param("notBefore", notBefore == null ? null : Timestamp.from(notBefore))
                .param("id", requestId).update();
        events.record(requestId, "RESTRICTION_LIFT_DECIDED", "decision=" + decision
                + (lift ? " reason=" + reasonCode : ""));
        return notBefore == null ? null : Date.from(notBefore);
    }

    /** Lifts the restriction in the sources and records the evidence: when, and what was undone where. */
    @Transactional
    public void lift(String requestId) {
        String undone = suppressions.liftRestriction(requestId);
        jdbc.sql("UPDATE restriction_lift SET lifted_at = :at, lifted = :undone WHERE request_id = :id AND lifted_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("undone", undone).param("id", requestId).update();
    }

    /** The lift decided for the request, for the notice: its reason (in words) and the date it may happen. */
    public Optional<Map<String, Object>> notice(DsarRequest request) {
        return jdbc.sql("""
                SELECT reason_code, lift_not_before FROM restriction_lift
                WHERE request_id = :id AND decision = 'LIFT'""")
                .param("id", request.id())
                .query((rs, n) -> {
                    Map<String, Object> notice = new HashMap<>();
                    notice.put("reason", LegalGrounds.describe(rs.getString(1), request.language()));
                    notice.put("notBefore", rs.getTimestamp(2).toInstant());
                    return notice;
                }).optional();
    }
}
