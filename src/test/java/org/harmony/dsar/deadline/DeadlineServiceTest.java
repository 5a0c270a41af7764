package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.Jurisdiction;
import org.harmony.dsar.intake.RequestStage;
import org.harmony.dsar.intake.RequestType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineServiceTest {

    @Nested
    class CalendarMonths {

        @Test
        void shouldEndOnTheSameDateNextMonth() {
            assertThat(dueDate(Jurisdiction.EU, "2026-03-14T10:00:00Z", "P1M")).isEqualTo("2026-04-14");
        }

        @Test
        void shouldEndOnTheLastDayWhenNextMonthHasNoSuchDate() {
            assertThat(dueDate(Jurisdiction.UK, "2026-01-31T10:00:00Z", "P1M")).isEqualTo("2026-02-28");
        }

        @Test
        void shouldKnowLeapYears() {
            assertThat(dueDate(Jurisdiction.UK, "2028-01-31T10:00:00Z", "P1M")).isEqualTo("2028-02-29");
        }

        @Test
        void shouldCountFromTheDayOfReceiptInTheJurisdictionsTimeZone() {
            // 23:30 UTC on 31 March is already 1 April in Brussels (UTC+2 in summer).
            assertThat(dueDate(Jurisdiction.EU, "2026-03-31T23:30:00Z", "P1M")).isEqualTo("2026-05-01");
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void shouldAdd45DaysForCalifornia() {
            assertThat(dueDate(Jurisdiction.US_CA, "2026-11-22T18:00:00Z", "P45D")).isEqualTo("2027-01-06");
        }

        @Test
        void shouldCountCaliforniaDaysInPacificTime() {
            // 02:00 UTC on 1 December is still 30 November in Los Angeles.
            assertThat(dueDate(Jurisdiction.US_CA, "2026-12-01T02:00:00Z", "P45D")).isEqualTo("2027-01-14");
        }
    }

    @Test
    void shouldEndAtTheLastWholeSecondOfTheDay() {
        Instant due = DeadlineService.dueAt(request(Jurisdiction.UK, "2026-06-10T09:00:00Z"), Period.ofMonths(1));
        ZonedDateTime local = due.atZone(Jurisdiction.UK.zone());
        assertThat(local.toLocalTime().toString()).isEqualTo("23:59:59");
        assertThat(due.getNano()).isZero();
    }

    private static LocalDate dueDate(Jurisdiction jurisdiction, String receivedAt, String period) {
        return DeadlineService.dueAt(request(jurisdiction, receivedAt), Period.parse(period))
                .atZone(jurisdiction.zone()).toLocalDate();
    }

    private static DsarRequest request(Jurisdiction jurisdiction, String receivedAt) {
        return new DsarRequest("id", "DSAR-TEST0-00001", RequestType.ACCESS, jurisdiction, "a@example.org", "A",
                null, null, null, Locale.ENGLISH, RequestStage.RECEIVED, Instant.parse(receivedAt), null, null, null);
    }
}
