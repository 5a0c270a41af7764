package org.harmony.dsar.request;

import java.time.Instant;
import java.util.Locale;

/** A rights request as the project stores it. Holds personal data: never log it or put it in process variables. */
public record DsarRequest(
        String id,
        String reference,
        RequestType type,
        Jurisdiction jurisdiction,
        String email,
        String fullName,
        String details,
        String dataPointsJson,
        Agent agent,
        Locale language,
        RequestStage stage,
        Instant receivedAt,
        Instant dueAt,
        Instant verifiedAt,
        Instant completedAt,
        AccessScope accessScope) {

    /** Someone acting for the data subject. */
    public record Agent(String name, String email, String relationship) {
    }
}
