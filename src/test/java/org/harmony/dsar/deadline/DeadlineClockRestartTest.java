package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.deadline.process.DeadlineRules;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.Test;

/** The UK "stop the clock": the period runs again from the day the identity was verified. */
class DeadlineClockRestartTest {

    private final RequestRepository requests = mock(RequestRepository.class);
    private final RequestEvents events = mock(RequestEvents.class);
    private final DeadlineRules rules = mock(DeadlineRules.class);
    private final DeadlineService deadlines = new DeadlineService(requests, events,
            new BusinessCalendars(new DeadlineProperties(Map.of(), List.of(), LocalTime.of(9, 0), "EU")),
            Clock.systemUTC(), rules);

    @Test
    void shouldCountTheMonthFromTheDayOfVerificationInTheJurisdictionsTimeZone() {
        when(requests.get("request-42")).thenReturn(ukRequest(Instant.parse("2026-01-05T10:00:00Z")));
        when(rules.responseDeadline("UK", RequestType.ACCESS)).thenReturn(
                new DeadlineRules.ResponseRule("P1M", DeadlineCounting.CALENDAR_TO_WORKING_DAY, null));

        // 23:30 UTC on 31 March is 00:30 on 1 April in London (BST): the month runs from 1 April.
        Instant dueAt = deadlines.restartClockAt("request-42", "P1M", Instant.parse("2026-03-31T23:30:00Z"));

        assertThat(dueAt).isEqualTo(Instant.parse("2026-05-01T22:59:59Z"));
        verify(requests).updateDueAt("request-42", dueAt);
        verify(events).record(eq("request-42"), eq("DUE_DATE_RESTARTED"),
                startsWith("clockStartsAt=2026-03-31T23:30:00Z period=P1M counting=CALENDAR_TO_WORKING_DAY"
                        + " dueAt=2026-05-01T22:59:59Z"));
    }

    private static DsarRequest ukRequest(Instant receivedAt) {
        return new DsarRequest("request-42", "DSAR-AAAAA-BBBBB", RequestType.ACCESS, Jurisdiction.UK,
                "someone@example.org", "Someone", null, null, null, Locale.ENGLISH, RequestStage.VERIFYING_IDENTITY,
                receivedAt, Instant.parse("2026-02-05T23:59:59Z"), null, null, AccessScope.FULL);
    }
}
