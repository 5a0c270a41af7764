package org.harmony.dsar.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.harmony.dsar.breach.process.BreachNoticeDeadlineTable;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.harmony.dsar.request.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notice deadline is the stricter of the company's promise and the breach's laws (BreachNoticeDeadline.dmn). */
@Deployment(resources = "processes/BreachNoticeDeadline.dmn")
class BreachDeadlinesTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    /** Monday 1 March 2027, 11:00 in Brussels. */
    private static final Instant MONDAY = Instant.parse("2027-03-01T10:00:00Z");
    /** Friday 5 March 2027, 11:00 in Brussels, 07:00 in São Paulo. */
    private static final Instant FRIDAY = Instant.parse("2027-03-05T10:00:00Z");

    private final BusinessCalendars calendars = new BusinessCalendars(
            new DeadlineProperties(Map.of(), List.of(), LocalTime.of(9, 0), "EU"));

    @Test
    void shouldPromiseOneBusinessDayAtTheSameTimeOfDayAndGiveTheAuthoritySeventyTwoHours() {
        BreachDeadlines.Deadlines due = deadlines(1).of(MONDAY, List.of(Jurisdiction.EU));
        assertThat(due.noticeDueAt()).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
        assertThat(due.noticeDueReason()).startsWith("company promise");
        assertThat(due.authorityDueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(72)));
    }

    @Test
    void shouldCountThePromiseOverTheWeekend() {
        BreachDeadlines.Deadlines due = deadlines(1).of(FRIDAY, List.of(Jurisdiction.EU, Jurisdiction.US_CO));
        assertThat(due.noticeDueAt()).isEqualTo(Instant.parse("2027-03-08T10:00:00Z"));
    }

    @Test
    void shouldTakeTheLawWhereItIsStricterThanThePromise() {
        BreachDeadlines.Deadlines due = deadlines(5).of(FRIDAY, List.of(Jurisdiction.BR));
        // LGPD / ANPD: 3 business days on the Brazilian calendar, from 07:00 local on Friday.
        assertThat(due.noticeDueAt()).isEqualTo(Instant.parse("2027-03-10T10:00:00Z"));
        assertThat(due.noticeDueReason()).startsWith("LGPD");
        assertThat(due.authorityDueAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(72)));
    }

    @Test
    void shouldFallBackToTheAuthorityDeadlineWithoutPromiseOrFixedPeriod() {
        BreachDeadlines.Deadlines due = deadlines(0).of(MONDAY, List.of(Jurisdiction.EU, Jurisdiction.US_CA));
        assertThat(due.noticeDueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(72)));
        assertThat(due.noticeDueReason()).startsWith("without undue delay");
    }

    private BreachDeadlines deadlines(int promiseBusinessDays) {
        return new BreachDeadlines(new BreachNoticeDeadlineTable(extension.getProcessEngine().getDecisionService()),
                calendars, new BreachProperties(promiseBusinessDays, "EU", Duration.ofHours(72), 4, 100,
                        Duration.ofMinutes(5), Duration.ofSeconds(60), 10));
    }
}
