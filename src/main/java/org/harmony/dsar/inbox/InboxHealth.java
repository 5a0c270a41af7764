package org.harmony.dsar.inbox;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The privacy mailboxes in {@code /actuator/health} (component {@code inbox}): DOWN once a mailbox failed
 * {@value #FAILURES_FOR_DOWN} polls in a row, or when a mail in it cannot be recorded. Details name mailboxes and
 * exception types, never an address.
 */
@Component
public class InboxHealth implements HealthIndicator {

    static final int FAILURES_FOR_DOWN = 3;

    private final MailboxPoller poller;
    private final InboxProperties properties;

    InboxHealth(MailboxPoller poller, InboxProperties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, MailboxPoller.MailboxState> states = poller.states();
        if (properties.mailboxes().isEmpty() || states.isEmpty()) {
            return Health.unknown().withDetail("inbox", "no mailbox was read").build();
        }
        boolean down = states.values().stream()
                .anyMatch(state -> state.consecutiveFailures() >= FAILURES_FOR_DOWN || state.failedMails() > 0);
        Health.Builder health = down ? Health.down() : Health.up();
        states.forEach((name, state) -> health.withDetail(name, state));
        return health.build();
    }
}
