package org.harmony.dsar.response;

import java.util.Optional;

import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.ReviewDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rules of the final review: a denial names its reason; under the four-eyes rule the reviewer who approves or
 * denies is not the person who prepared the case (completed its previous task). Who completed which task is kept in
 * the request's audit trail.
 */
@Service
public class ReviewRules {

    private static final String TASK_COMPLETED = "TASK_COMPLETED";
    private static final String DUPLICATE_OF_OPEN_REQUEST = "DUPLICATE_OF_OPEN_REQUEST";

    private final ReviewProperties properties;
    private final RequestEvents events;
    private final JdbcClient jdbc;

    public ReviewRules(ReviewProperties properties, RequestEvents events, JdbcClient jdbc) {
        this.properties = properties;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** A review decision that the rules do not allow; the message says why and what to do. */
    public static class ReviewRefusedException extends RuntimeException {
        public ReviewRefusedException(String message) {
            super(message);
        }
    }

    /**
     * @param reviewer the user completing the review, or null when unknown (then the four-eyes rule cannot hold
     *                 and the decision is refused)
     */
    public void check(String requestId, ReviewDecision decision, String denialReason, String reviewer) {
        if (decision == null) {
            throw new ReviewRefusedException("Choose a decision: approve, send back or deny.");
        }
        if (decision == ReviewDecision.DENY && (denialReason == null || denialReason.isBlank())) {
            throw new ReviewRefusedException("A denial needs a reason code: the requester is told the reason "
                    + "and their rights.");
        }
        if (!properties.fourEyes() || decision == ReviewDecision.SEND_BACK) {
            return;
        }
        if (reviewer == null) {
            throw new ReviewRefusedException("The four-eyes rule needs to know who reviews: log in, or claim the "
                    + "task before completing it.");
        }
        Optional<String> preparer = lastPreparer(requestId);
        if (preparer.isPresent() && preparer.get().equals(reviewer)) {
            throw new ReviewRefusedException("Four-eyes rule: you completed the previous task of this case, so "
                    + "another compliance officer must approve or deny it. Unclaim the task or send it back.");
        }
    }

    /** Records who completed a task of the case (staff user id, not personal data of the requester). */
    public void recordTaskCompleted(String requestId, String activityId, String userId) {
        events.record(requestId, TASK_COMPLETED, "by=" + userId + " task=" + activityId);
    }

    public void recordDecision(String requestId, ReviewDecision decision, String denialReason, String reviewer) {
        events.record(requestId, "REVIEW_" + decision, "by=" + reviewer
                + (denialReason == null ? "" : " reason=" + denialReason) + linkDecision(requestId, decision,
                        denialReason));
    }

    /** For a request linked to another of the same person: whether the review merged it or answers both. */
    private String linkDecision(String requestId, ReviewDecision decision, String denialReason) {
        boolean merged = decision == ReviewDecision.DENY && DUPLICATE_OF_OPEN_REQUEST.equals(denialReason);
        if (!merged && decision != ReviewDecision.APPROVE
                || jdbc.sql("SELECT COUNT(*) FROM request_link WHERE request_id = :id")
                .param("id", requestId).query(Integer.class).single() == 0) {
            return "";
        }
        return " linkedRequests=" + (merged ? "MERGED" : "RUN_BOTH");
    }

    public Optional<String> lastPreparer(String requestId) {
        return jdbc.sql("""
                SELECT detail FROM request_event WHERE request_id = :id AND event_type = :type
                ORDER BY occurred_at DESC
                """)
                .param("id", requestId).param("type", TASK_COMPLETED)
                .query(String.class).list().stream().findFirst()
                .map(detail -> detail.substring("by=".length(), detail.indexOf(" task=")));
    }
}
