package org.harmony.dsar.intake;

import java.time.LocalDate;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;

/**
 * A request a staff member logged from a letter, a call or a visit (start form of LogRequestProcess). Holds personal
 * data: never log it or keep it in process variables. Parts the form left empty or that are not valid are null.
 *
 * @param receivedOn      the day the company received it: the legal clock starts then
 * @param lateEntryReason why it is logged more than a few days after it was received
 * @param email           optional: without it, the requester's mails become letters to {@code postalAddress}
 */
public record LoggedRequest(
        Channel channel,
        LocalDate receivedOn,
        String lateEntryReason,
        RequestType type,
        Jurisdiction jurisdiction,
        String language,
        String fullName,
        String email,
        String postalAddress,
        String details) {
}
