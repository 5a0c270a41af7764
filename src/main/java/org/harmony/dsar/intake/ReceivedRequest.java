package org.harmony.dsar.intake;

import java.time.Instant;
import java.util.Locale;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;

/**
 * A request that reached the company outside the requester API and was recorded by staff (a triaged mail, a letter,
 * a call). Holds personal data: never log it or put it in process variables.
 *
 * @param receivedAt when the company received it: the legal clock starts then
 */
public record ReceivedRequest(
        RequestType type,
        Jurisdiction jurisdiction,
        String email,
        String fullName,
        String details,
        Locale language,
        Channel channel,
        Instant receivedAt) {
}
