package org.harmony.dsar.verification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeTtl           how long a mailed code works
 * @param maxAttempts       wrong codes after which a code is locked and a new one must be requested
 * @param maxCodesPerDay    codes one request may be sent within 24 hours (first code and resends together)
 * @param abandonAfter      how long the engine waits for a confirmation or an answer before it closes the request
 *                          as unverified
 * @param maxDocumentBytes  the largest document a requester may upload
 * @param maxDocuments      documents one request may hold
 * @param keepDocuments     keep uploaded documents after verification ends; by default their content is erased
 *                          then (type, size and SHA-256 stay), as GDPR/UK guidance asks of identity copies
 * @param referenceQueries  SQL queries (parameter {@code :email}) whose rows hold what the system of record knows
 *                          about a person; a column is compared with the submitted data point of the same name
 *                          (case, underscores and other separators ignored: {@code customer_number} =
 *                          {@code customerNumber})
 * @param lookupIdentifiers data points that may find and change records besides the verified email, and only when
 *                          the system of record ties them to that email (a column of the same name in a reference
 *                          query's rows) or a compliance officer confirms them in "Review identity"; a value a
 *                          requester merely typed never does
 */
@ConfigurationProperties("dsar.verification")
public record VerificationProperties(
        @DefaultValue("PT24H") Duration codeTtl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5") int maxCodesPerDay,
        @DefaultValue("P14D") Duration abandonAfter,
        @DefaultValue("5242880") int maxDocumentBytes,
        @DefaultValue("5") int maxDocuments,
        @DefaultValue("false") boolean keepDocuments,
        @DefaultValue List<String> referenceQueries,
        @DefaultValue({"phone", "customerNumber"}) List<String> lookupIdentifiers) {
}
