package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineServiceTest {

    private final DeadlineService deadlines = service(List.of());

    @Nested
    class CalendarMonths {

        @Test
        void shouldEndOnTheSameDateNextMonth() {
            assertThat(dueDate(Jurisdiction.EU, "2026-03-14T10:00:00Z", "P1M", DeadlineCounting.CALENDAR))
                    .isEqualTo("2026-04-14");
        }

        @Test
        void shouldEndOnTheLastDayWhenNextMonthHasNoSuchDate() {
            assertThat(dueDate(Jurisdiction.UK, "2026-01-31T10:00:00Z", "P1M", DeadlineCounting.CALENDAR))
                    .isEqualTo("2026-02-28");
        }

        @Test
        void shouldKnowLeapYears() {
            // 29 February 2028 is a Tuesday.
            assertThat(dueDate(Jurisdiction.UK, "2028-01-31T10:00:00Z", "P1M",
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY)).isEqualTo("2028-02-29");
        }

        @Test
        void shouldCountFromTheDayOfReceiptInTheJurisdictionsTimeZone() {
            // 23:30 UTC on 31 March is already 1 April in Brussels (UTC+2 in summer).
            assertThat(dueDate(Jurisdiction.EU, "2026-03-31T23:30:00Z", "P1M", DeadlineCounting.CALENDAR))
                    .isEqualTo("2026-05-01");
        }
    }

    @Nested
    class NextWorkingDay {

        @Test
        void shouldMoveAUkDeadlineFromTheLastDayOfFebruaryOnASaturdayToMonday() {
            assertThat(dueDate(Jurisdiction.UK, "2026-01-31T10:00:00Z", "P1M",
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY)).isEqualTo("2026-03-02");
        }

        @Test
        void shouldMoveAUkDeadlineOffTheSummerBankHoliday() {
            // Monday 31 August 2026 is the summer bank holiday in England.
            assertThat(dueDate(Jurisdiction.UK, "2026-07-31T10:00:00Z", "P1M",
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY)).isEqualTo("2026-09-01");
        }

        @Test
        void shouldSkipChristmasAndTheSubstituteBoxingDay() {
            // 25 Dec 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28th is the bank holiday.
            assertThat(dueDate(Jurisdiction.UK, "2026-11-25T10:00:00Z", "P1M",
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY)).isEqualTo("2026-12-29");
        }

        @Test
        void shouldUseTheJurisdictionsOwnHolidays() {
            // 1 May 2026 (Friday) is Labour Day in Belgium, where EU requests are counted by default.
            assertThat(dueDate(Jurisdiction.EU, "2026-03-31T23:30:00Z", "P1M",
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY)).isEqualTo("2026-05-04");
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void shouldAdd45DaysForCalifornia() {
            assertThat(dueDate(Jurisdiction.US_CA, "2026-11-22T18:00:00Z", "P45D", DeadlineCounting.CALENDAR))
                    .isEqualTo("2027-01-06");
        }

        @Test
        void shouldCountCaliforniaDaysInPacificTime() {
            // 02:00 UTC on 1 December is still 30 November in Los Angeles.
            assertThat(dueDate(Jurisdiction.US_CA, "2026-12-01T02:00:00Z", "P45D", DeadlineCounting.CALENDAR))
                    .isEqualTo("2027-01-14");
        }
    }

    @Nested
    class BusinessDays {

        @Test
        void shouldSkipWeekends() {
            assertThat(dueDate(Jurisdiction.EU, "2026-06-01T10:00:00Z", "P10D", DeadlineCounting.BUSINESS_DAYS))
                    .isEqualTo("2026-06-15");
        }

        @Test
        void shouldSkipPublicHolidays() {
            assertThat(dueDate(Jurisdiction.UK, "2026-12-21T10:00:00Z", "P5D", DeadlineCounting.BUSINESS_DAYS))
                    .isEqualTo("2026-12-30");
        }

        @Test
        void shouldSkipCompanyClosureDays() {
            DeadlineService closedOnChristmasEve = service(List.of(LocalDate.parse("2026-12-24")));
            Instant due = closedOnChristmasEve.dueAt(Jurisdiction.UK, Instant.parse("2026-12-21T10:00:00Z"),
                    Period.ofDays(5), DeadlineCounting.BUSINESS_DAYS);
            assertThat(due.atZone(Jurisdiction.UK.zone()).toLocalDate()).isEqualTo("2026-12-31");
        }

        @Test
        void shouldRefuseMonthsOfBusinessDays() {
            assertThatThrownBy(() -> dueDate(Jurisdiction.UK, "2026-12-21T10:00:00Z", "P1M",
                    DeadlineCounting.BUSINESS_DAYS)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Extensions {

        @Test
        void shouldExtendAGdprDeadlineByTwoMonthsFromTheDueDate() {
            Instant due = deadlines.dueAt(Jurisdiction.UK, Instant.parse("2026-03-14T10:00:00Z"), Period.ofMonths(1),
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY);
            Instant extended = deadlines.extended(Jurisdiction.UK, due, Period.ofMonths(2),
                    DeadlineCounting.CALENDAR_TO_WORKING_DAY);
            assertThat(extended.atZone(Jurisdiction.UK.zone()).toLocalDate()).isEqualTo("2026-06-15");
        }
    }

    @Test
    void shouldCountBusinessDaysLeftAndDaysOverdue() {
        // Today is Monday 21 December 2026 in London; 25, 26 (Saturday) and 28 December are holidays.
        assertThat(deadlines.businessDaysLeft(dueOn("2026-12-31"))).isEqualTo(6);
        assertThat(deadlines.businessDaysLeft(dueOn("2026-12-18"))).isEqualTo(-3);
    }

    private static DsarRequest dueOn(String lastDay) {
        return new DsarRequest("id", "DSAR-TEST0-00001", RequestType.ACCESS, Jurisdiction.UK, "a@example.org", "A",
                null, null, null, Locale.ENGLISH, RequestStage.RECEIVED, Instant.parse("2026-12-01T10:00:00Z"),
                LocalDate.parse(lastDay).atTime(23, 59, 59).atZone(Jurisdiction.UK.zone()).toInstant(), null, null,
                AccessScope.FULL);
    }

    @Test
    void shouldEndAtTheLastWholeSecondOfTheDay() {
        Instant due = deadlines.dueAt(Jurisdiction.UK, Instant.parse("2026-06-10T09:00:00Z"), Period.ofMonths(1),
                DeadlineCounting.CALENDAR);
        ZonedDateTime local = due.atZone(Jurisdiction.UK.zone());
        assertThat(local.toLocalTime().toString()).isEqualTo("23:59:59");
        assertThat(due.getNano()).isZero();
    }

    private LocalDate dueDate(Jurisdiction jurisdiction, String receivedAt, String period, DeadlineCounting counting) {
        return deadlines.dueAt(jurisdiction, Instant.parse(receivedAt), Period.parse(period), counting)
                .atZone(jurisdiction.zone()).toLocalDate();
    }

    private static DeadlineService service(List<LocalDate> closureDays) {
        DeadlineProperties properties = new DeadlineProperties(Map.of(), closureDays, LocalTime.of(9, 0), "EU");
        return new DeadlineService(null, null, new BusinessCalendars(properties),
                Clock.fixed(Instant.parse("2026-12-21T10:00:00Z"), ZoneOffset.UTC), null);
    }
}
