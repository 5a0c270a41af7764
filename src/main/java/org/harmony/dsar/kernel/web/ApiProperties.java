package org.harmony.dsar.kernel.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public requester API.
 *
 * @param maxBodyBytes   larger bodies are refused with 413
 * @param maxUploadBytes the same for a document upload ({@code /api/requests/{reference}/documents})
 * @param rateLimit    calls allowed per client address and requests per recipient; more are refused with 429
 */
@ConfigurationProperties("dsar.api")
public record ApiProperties(
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("5242880") int maxUploadBytes,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param requests calls per period and client address
     * @param period   the period the calls are counted over
     * @param clients  how many client addresses a node tracks at once in memory (oldest forgotten first)
     * @param perRecipientPerDay requests accepted in 24 hours for one email address, as the subject's or the agent's
     *                 address, counted in the database (so across nodes); more are refused as the client limit is, so
     *                 that intake cannot be used to flood someone's mailbox
     * @param store    where the per-client buckets are: {@code postgresql} (shared by every node), {@code local}
     *                 (this node's memory), {@code auto} (default: {@code postgresql} on PostgreSQL, else {@code local})
     */
    public record RateLimit(
            @DefaultValue("30") int requests,
            @DefaultValue("PT1M") Duration period,
            @DefaultValue("10000") int clients,
            @DefaultValue("5") int perRecipientPerDay,
            @DefaultValue("auto") Store store) {

        public enum Store { AUTO, LOCAL, POSTGRESQL }
    }
}
