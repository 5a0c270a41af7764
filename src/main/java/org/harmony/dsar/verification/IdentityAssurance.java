package org.harmony.dsar.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.SubjectRelationship;
import org.harmony.dsar.request.VerificationOutcome;
import org.harmony.dsar.response.RequesterNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a requester in proportion to the request: the level of assurance comes from the VerificationLevel
 * decision table; this service scores the evidence against it, prepares the compliance officer's masked view,
 * writes to the requester when more is needed or verification failed, and records every outcome for audit.
 */
@Service
public class IdentityAssurance {

    private static final Logger log = LoggerFactory.getLogger(IdentityAssurance.class);
    static final String AUTHORISATION_TEMPLATE = "authorisation-requested";
    static final String MORE_INFORMATION_TEMPLATE = "more-information-needed";
    static final String UNVERIFIABLE_TEMPLATE = "identity-unverifiable";

    private final RequestRepository requests;
    private final RequestEvents events;
    private final IdentityMatching matching;
    private final IdentityEvidence evidence;
    private final RequesterNotifications notifications;
    private final DeadlineService deadlines;
    private final VerificationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityAssurance(RequestRepository requests, RequestEvents events, IdentityMatching matching,
            IdentityEvidence evidence, RequesterNotifications notifications, DeadlineService deadlines,
            VerificationProperties properties, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.matching = matching;
        this.evidence = evidence;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who makes the request, and how long the engine waits for the requester at each step. */
    @Transactional
    public Preparation prepare(String requestId) {
        DsarRequest request = requests.get(requestId);
        SubjectRelationship relationship = SubjectRelationship.of(request.agent());
        events.record(requestId, "VERIFICATION_STARTED", "relationship=" + relationship);
        return new Preparation(relationship, properties.abandonAfter().toString());
    }

    /** Scores the evidence against the level: enough matching data points, and the declaration if required. */
    @Transactional
    public Assessment assess(String requestId, Level level) {
        DsarRequest request = requests.get(requestId);
        IdentityMatching.Match match = matching.match(request);
        boolean declarationMet = !level.declarationRequired() || evidence.declarationSigned(requestId);
        boolean met = match.matched() >= level.requiredDataPoints() && declarationMet;
        events.record(requestId, "IDENTITY_MATCHED", "matched=" + match.matched() + " of " + match.submitted()
                + " required=" + level.requiredDataPoints() + " declaration="
                + (level.declarationRequired() ? (declarationMet ? "signed" : "missing") : "not required")
                + " met=" + met);
        log.info("Request {}: {} of {} data points match, {} required; level met: {}", request.reference(),
                match.matched(), match.submitted(), level.requiredDataPoints(), met);
        return new Assessment(match.matched(), met);
    }

    /** What the compliance officer sees in "Review identity": the level and evidence, and the masked comparison. */
    public ReviewView reviewView(String requestId, Level level) {
        DsarRequest request = requests.get(requestId);
        IdentityMatching.Match match = matching.match(request);
        List<String> lines = new ArrayList<>();
        lines.add("Requester: " + describe(level.relationship()) + ".");
        lines.add("Needed: " + level.requiredDataPoints() + " matching data point(s)"
                + (level.declarationRequired() ? ", a signed declaration" : "")
                + (level.emailCheckRequired() ? ", the subject's email address confirmed" : "")
                + (level.manualReview() ? ", a compliance officer's review" : "") + ".");
        lines.add("Matching: " + match.matched() + " of " + match.submitted() + " submitted data point(s).");
        lines.add("Email address confirmed: " + (request.verifiedAt() == null ? "no" : "yes, " + request.verifiedAt())
                + ".");
        lines.add("Declaration: " + (evidence.declarationSigned(requestId) ? "signed" : "not signed") + ".");
        if (level.fallsBackToCategories()) {
            lines.add("If you reject: with at least " + level.categoriesFallbackDataPoints() + " matching data point(s)"
                    + " the request is answered with categories of data only, not specific pieces ("
                    + (match.matched() >= level.categoriesFallbackDataPoints() ? "met" : "not met") + " now).");
        }
        List<IdentityEvidence.Document> documents = evidence.documents(requestId);
        lines.add("Documents: " + (documents.isEmpty() ? "none." : documents.size() + ""));
        documents.forEach(d -> lines.add("- " + d.contentType() + ", " + Math.max(1, d.sizeBytes() / 1024)
                + " KiB, uploaded " + d.uploadedAt() + (d.erasedAt() != null ? ", erased " + d.erasedAt()
                        : ", open at /api/officer/requests/" + request.reference() + "/documents/" + d.id())));
        return new ReviewView(String.join("\n", lines), match.maskedComparison(), requesterAnswer(requestId));
    }

    private String requesterAnswer(String requestId) {
        return evidence.question(requestId).map(q -> "Question asked " + q.askedAt() + ":\n" + q.question()
                + "\n\nRequester's answer" + (q.answer() == null ? ": none yet." : ", " + q.answeredAt() + ":\n" + q.answer()))
                .orElse("No question asked.");
    }

    /** Asks the agent for the subject's signed authorisation, with a link to upload it. */
    @Transactional
    public void requestAuthorisation(String requestId, String idempotencyKey) {
        notifications.notifyRequester(requestId, AUTHORISATION_TEMPLATE, idempotencyKey, Map.of());
        events.record(requestId, "AUTHORISATION_REQUESTED", null);
    }

    /** Sends the requester the officer's message with a link to answer. */
    @Transactional
    public void requestMoreInformation(String requestId, String message, String idempotencyKey) {
        notifications.notifyRequester(requestId, MORE_INFORMATION_TEMPLATE, idempotencyKey,
                Map.of("message", message, "declaration", IdentityEvidence.DECLARATION));
        evidence.recordQuestion(requestId, message);
        events.record(requestId, "IDENTITY_INFORMATION_REQUESTED", null);
    }

    /** Tells the requester that their identity could not be verified, why, and what they can do. */
    @Transactional
    public void sendUnverifiable(String requestId, String reason, String idempotencyKey) {
        notifications.notifyRequester(requestId, UNVERIFIABLE_TEMPLATE, idempotencyKey, Map.of("reason", reason));
    }

    /** Records how verification ended; a verified identity also records when, for the deadline clock. */
    @Transactional
    public void recordOutcome(String requestId, VerificationOutcome outcome, String detail) {
        if (outcome == VerificationOutcome.VERIFIED) {
            jdbc.sql("UPDATE dsar_request SET identity_verified_at = :at WHERE id = :id AND identity_verified_at IS NULL")
                    .param("at", Timestamp.from(clock.instant())).param("id", requestId).update();
        }
        int erased = properties.keepDocuments() ? 0 : evidence.eraseDocuments(requestId);
        events.record(requestId, "IDENTITY_" + outcome.name(), detail + (erased > 0 ? " documentsErased=" + erased : ""));
        log.info("Request {}: identity verification ended {}", requests.get(requestId).reference(), outcome);
    }

    /**
     * Narrows the answer to categories of data: the identity could not be verified for specific pieces, but to the
     * reasonable degree that categories need (CCPA, 11 CCR 7062(e)). The response says so.
     */
    @Transactional
    public void narrowToCategories(String requestId, int dataPointsMatched) {
        requests.updateAccessScope(requestId, AccessScope.CATEGORIES);
        events.record(requestId, "ACCESS_NARROWED_TO_CATEGORIES", "dataPointsMatched=" + dataPointsMatched);
        log.info("Request {}: specific pieces not verified; answered with categories", requests.get(requestId)
                .reference());
    }

    /** For jurisdictions whose clock starts at verification: the due date counted from the verification day. */
    @Transactional
    public Instant restartDeadlineClock(String requestId, String responsePeriod) {
        Instant verifiedAt = identityVerifiedAt(requestId).orElseThrow(() -> new IllegalStateException(
                "Request " + requestId + " has no verified identity to start the clock from"));
        return deadlines.restartClockAt(requestId, responsePeriod, verifiedAt);
    }

    Optional<Instant> identityVerifiedAt(String requestId) {
        return jdbc.sql("SELECT identity_verified_at FROM dsar_request WHERE id = :id").param("id", requestId)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    private static String describe(SubjectRelationship relationship) {
        return switch (relationship) {
            case SUBJECT -> "the data subject";
            case AGENT -> "an agent acting for the subject (authorisation document needed)";
            case PARENT -> "a parent or guardian acting for a child";
        };
    }

    /** The level of assurance the VerificationLevel table gives for a request. */
    public record Level(int requiredDataPoints, boolean declarationRequired, boolean emailCheckRequired,
            boolean manualReview, SubjectRelationship relationship, int categoriesFallbackDataPoints) {

        /** Whether a request that is not verified is answered with categories when enough data points match. */
        public boolean fallsBackToCategories() {
            return categoriesFallbackDataPoints > 0;
        }
    }

    public record Preparation(SubjectRelationship relationship, String verificationPeriod) {
    }

    /** A count and a decision: never which data points matched. */
    public record Assessment(int dataPointsMatched, boolean met) {
    }

    public record ReviewView(String summary, String maskedComparison, String requesterAnswer) {
    }
}
