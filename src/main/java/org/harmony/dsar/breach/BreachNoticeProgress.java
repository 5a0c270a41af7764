package org.harmony.dsar.breach;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a breach's notices go to, and how far they are. */
@Service
public class BreachNoticeProgress {

    private static final Logger log = LoggerFactory.getLogger(BreachNoticeProgress.class);

    private final BreachRepository breaches;
    private final BreachRecipients recipients;
    private final AffectedPeople affectedPeople;
    private final Clock clock;

    BreachNoticeProgress(BreachRepository breaches, BreachRecipients recipients, AffectedPeople affectedPeople,
            Clock clock) {
        this.breaches = breaches;
        this.recipients = recipients;
        this.affectedPeople = affectedPeople;
        this.clock = clock;
    }

    /** What a breach's notices have reached so far: counts only. */
    public record Progress(long recipients, long sent, long failed, long pending) {
    }

    /** Adds everyone in the breach's sources to its recipients; returns how many recipients it has now. */
    @Transactional
    public long findAffectedPeople(String breachId) {
        Breach breach = breaches.get(breachId);
        affectedPeople.find(breach);
        breaches.recipientsFound(breachId, clock.instant());
        Progress progress = progress(breachId);
        log.info("Breach {}: {} affected people to notify", breach.reference(), progress.recipients());
        return progress.recipients();
    }

    public Progress progress(String breachId) {
        BreachRecipients.Progress p = recipients.progress(breachId);
        return new Progress(p.total(), p.sent(), p.failed(), p.pending());
    }

    /** Every notice is sent or failed: records when, and returns the counts. */
    @Transactional
    public Progress completeNotices(String breachId) {
        breaches.noticesCompleted(breachId, clock.instant());
        Progress progress = progress(breachId);
        Breach breach = breaches.get(breachId);
        log.info("Breach {}: notices complete, {} sent, {} failed, deadline {} {}", breach.reference(),
                progress.sent(), progress.failed(), breach.noticeDueAt(),
                clock.instant().isAfter(breach.noticeDueAt()) ? "missed" : "met");
        return progress;
    }
}
