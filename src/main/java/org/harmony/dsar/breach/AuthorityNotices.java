package org.harmony.dsar.breach;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notice of a breach to the supervisory authority (GDPR Art 33). */
@Service
public class AuthorityNotices {

    private static final Logger log = LoggerFactory.getLogger(AuthorityNotices.class);

    private final BreachRepository breaches;
    private final Clock clock;

    AuthorityNotices(BreachRepository breaches, Clock clock) {
        this.breaches = breaches;
        this.clock = clock;
    }

    /**
     * Records the notice to the supervisory authority.
     *
     * @throws AuthorityNoticeRefused when it is late and gives no reasons for the delay (GDPR Art 33(1))
     */
    @Transactional
    public void record(String breachId, String authorityName, String authorityReference, String delayReason,
            String userId) {
        Breach breach = breaches.get(breachId);
        Instant now = clock.instant();
        boolean late = now.isAfter(breach.authorityDueAt());
        if (late && (delayReason == null || delayReason.isBlank())) {
            throw new AuthorityNoticeRefused("The notice to the authority is later than "
                    + DateTimeFormatter.ISO_INSTANT.format(breach.authorityDueAt())
                    + ": give the reasons for the delay (GDPR Art 33(1)).");
        }
        breaches.authorityNotified(breachId, new Breach.AuthorityNotice(now, authorityName, authorityReference,
                delayReason == null || delayReason.isBlank() ? null : delayReason.strip(), userId));
        log.info("Breach {}: authority {} notified{}", breach.reference(), authorityName, late ? " late" : "");
    }

    /** The notice to the authority cannot be recorded as submitted. */
    public static class AuthorityNoticeRefused extends RuntimeException {
        AuthorityNoticeRefused(String message) {
            super(message);
        }
    }
}
