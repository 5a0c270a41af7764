package org.harmony.dsar.breach;

import java.time.Instant;
import java.util.List;

import org.harmony.dsar.request.Jurisdiction;

/**
 * A personal data breach as recorded by the DPO: the internal record of GDPR Art 33(5) (facts, effects, remedial
 * action) and what the notices tell affected people. No personal data: affected people are in
 * {@code breach_recipient}.
 *
 * @param subjectActions   what affected people can do to protect themselves
 * @param noticeDueReason  which rule set {@code noticeDueAt} (the company's promise or a law)
 */
public record Breach(
        String id,
        String reference,
        String description,
        Instant detectedAt,
        Instant occurredAt,
        List<String> affectedSources,
        List<String> affectedCategories,
        List<Jurisdiction> jurisdictions,
        String consequences,
        String measures,
        String subjectActions,
        String contact,
        Instant noticeDueAt,
        String noticeDueReason,
        Instant authorityDueAt,
        Instant recipientsFoundAt,
        Instant noticesCompletedAt,
        AuthorityNotice authorityNotice,
        String createdBy,
        Instant createdAt) {

    /** The notice to the supervisory authority, once the DPO has made it; null before. */
    public record AuthorityNotice(Instant notifiedAt, String authorityName, String authorityReference,
            String delayReason, String notifiedBy) {
    }
}
