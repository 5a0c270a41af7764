package org.harmony.dsar.inbox;

import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;

/**
 * What a compliance officer decided in "Triage incoming request". Holds personal data (email, name).
 *
 * @param decision REQUEST, NOT_A_REQUEST or SPAM (null when read back from the table)
 * @param language a language tag for the requester's mails ({@code en}, {@code de})
 * @param reason   why the mail is no rights request
 * @param openRequestReference the open request of the sender this mail repeats (decision SAME_AS_OPEN_REQUEST)
 */
public record Triage(
        TriageDecision decision,
        RequestType type,
        Jurisdiction jurisdiction,
        String language,
        String email,
        String name,
        String reason,
        String openRequestReference) {

    /** The choices of the triage form. */
    public enum TriageDecision { REQUEST, NOT_A_REQUEST, SPAM, SAME_AS_OPEN_REQUEST }
}
