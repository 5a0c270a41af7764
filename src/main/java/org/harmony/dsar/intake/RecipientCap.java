package org.harmony.dsar.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.harmony.dsar.kernel.web.ApiProperties;
import org.harmony.dsar.kernel.web.RateLimited;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** No address gets more than {@code dsar.api.rate-limit.per-recipient-per-day} requests (and their mails) a day. */
@Component
class RecipientCap {

    private static final Logger log = LoggerFactory.getLogger(RecipientCap.class);

    private final RequestRepository requests;
    private final int perRecipientPerDay;
    private final Clock clock;

    RecipientCap(RequestRepository requests, ApiProperties api, Clock clock) {
        this.requests = requests;
        this.perRecipientPerDay = api.rateLimit().perRecipientPerDay();
        this.clock = clock;
    }

    /**
     * Refuses a request for an address that had its share of requests in the last 24 hours, with the answer of the
     * per-client rate limit. Concurrent requests for one address on several nodes may each see the count below the
     * cap; the cap may then be passed by those few.
     */
    void check(String address) {
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        RequestRepository.RecentRequests recent = requests.recentFor(address, now.minus(day));
        if (recent.count() >= perRecipientPerDay) {
            log.info("Request refused: the per-recipient cap of {} a day is reached", perRecipientPerDay);
            throw new RateLimited(recent.oldest() == null ? day : Duration.between(now, recent.oldest().plus(day)));
        }
    }
}
