package org.harmony.dsar.breach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Breach notices: the company's own promise, and how sending is split into jobs.
 *
 * @param promiseBusinessDays  the company promises every affected person an email within this many business days of
 *                             detection (0: no promise, only the law's deadlines apply)
 * @param promiseJurisdiction  whose business calendar counts the promise (a jurisdiction code)
 * @param authorityPeriod      notice to the supervisory authority is due this long after detection where no law of the
 *                             breach sets a shorter period (GDPR Art 33(1): 72 hours)
 * @param sendingSlots         parallel sending jobs per breach; every engine node on the database takes part
 * @param batchSize            recipients one sender claims at a time (one SMTP connection per batch)
 * @param lease                a claim older than this is taken over by another sender (its node crashed)
 * @param jobTimeBox           a sending job stops claiming after this long and hands over to a new job, far below
 *                             the job executor's lock time
 * @param recordEvery          accepted notices are recorded as sent in groups of this many while a batch is sent:
 *                             a node that dies mid-batch can have sent at most this many per sender unrecorded,
 *                             and those are sent again (with the same Message-ID) after the lease
 */
@ConfigurationProperties("dsar.breach")
public record BreachProperties(
        @DefaultValue("1") int promiseBusinessDays,
        @DefaultValue("EU") String promiseJurisdiction,
        @DefaultValue("PT72H") Duration authorityPeriod,
        @DefaultValue("4") int sendingSlots,
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("PT60S") Duration jobTimeBox,
        @DefaultValue("10") int recordEvery) {

    public BreachProperties {
        if (recordEvery < 1 || recordEvery > batchSize) {
            throw new IllegalArgumentException("dsar.breach.record-every must be between 1 and batch-size ("
                    + batchSize + "), not " + recordEvery);
        }
    }
}
