package org.harmony.dsar.retention;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps its own records of a request after it ended, and when it deletes older ones.
 *
 * @param retention how long after its end a request's records (row, audit trail, evidence, mail records) and its
 *                  engine history are kept; at least 24 months (CCPA, 11 CCR 7101(a)): the engine refuses to start
 *                  with less
 * @param purgeCron when the purge runs (on one node of the cluster)
 * @param batchSize how many requests one purge transaction deletes
 * @param ownHistoryTimeToLive process and decision keys whose history keeps the time to live their model gives
 *                  (breach notification: the GDPR Art 33(5) record of breaches is not a request record)
 */
@ConfigurationProperties("dsar.records")
public record RecordsProperties(
        @DefaultValue("P36M") Period retention,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        @DefaultValue("500") int batchSize,
        @DefaultValue({"BreachNotificationProcess", "BreachNoticeDeadline"}) List<String> ownHistoryTimeToLive) {

    /** The shortest retention allowed: 11 CCR 7101(a) asks for records of requests to be kept 24 months. */
    static final Period MINIMUM = Period.ofMonths(24);

    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    public RecordsProperties {
        if (retention.isNegative() || ANY_DAY.plus(retention).isBefore(ANY_DAY.plus(MINIMUM))) {
            throw new IllegalArgumentException("dsar.records.retention is " + retention + ": request records must be"
                    + " kept at least " + MINIMUM + " (CCPA, 11 CCR 7101(a))");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("dsar.records.batch-size must be at least 1");
        }
    }

    /** The retention in whole days from the given day, as the engine's history time to live counts it. */
    public int days(LocalDate from) {
        return (int) ChronoUnit.DAYS.between(from, from.plus(retention));
    }
}
