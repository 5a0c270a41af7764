package org.harmony.dsar.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import org.harmony.dsar.request.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * Working days per jurisdiction: Monday to Friday, less the public holidays of the jurisdiction's holiday
 * calendar (Jollyday) and the company's closure days.
 */
@Component
public class BusinessCalendars {

    /** Where no calendar is configured: the holidays of the place whose time zone the jurisdiction counts in. */
    static final Map<Jurisdiction, String> DEFAULT_HOLIDAY_CALENDARS = Map.of(
            Jurisdiction.EU, "be",
            Jurisdiction.UK, "gb/eng",
            Jurisdiction.US_CA, "us/ca",
            Jurisdiction.US_VA, "us/va",
            Jurisdiction.US_CO, "us/co",
            Jurisdiction.BR, "br",
            Jurisdiction.IN, "in");

    private final DeadlineProperties properties;
    private final Set<LocalDate> closureDays;
    private final Map<String, Set<LocalDate>> holidaysByCalendarAndYear = new ConcurrentHashMap<>();

    public BusinessCalendars(DeadlineProperties properties) {
        this.properties = properties;
        this.closureDays = Set.copyOf(properties.closureDays());
    }

    public boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closureDays.contains(day)
                && !holidays(calendarOf(jurisdiction), day.getYear()).contains(day);
    }

    /** The day itself when it is a working day, else the next working day. */
    public LocalDate onOrAfter(Jurisdiction jurisdiction, LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(jurisdiction, candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The working day {@code days} working days after {@code from} (which itself need not be a working day). */
    public LocalDate plusBusinessDays(Jurisdiction jurisdiction, LocalDate from, int days) {
        return step(jurisdiction, from, days, 1);
    }

    /** The working day {@code days} working days before {@code from}. */
    public LocalDate minusBusinessDays(Jurisdiction jurisdiction, LocalDate from, int days) {
        return step(jurisdiction, from, days, -1);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public long workingDaysBetween(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(jurisdiction, day)) {
                days++;
            }
        }
        return days;
    }

    private LocalDate step(Jurisdiction jurisdiction, LocalDate from, int days, int direction) {
        if (days < 0) {
            throw new IllegalArgumentException("A number of business days cannot be negative: " + days);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(direction);
            if (isWorkingDay(jurisdiction, day)) {
                counted++;
            }
        }
        return day;
    }

    private String calendarOf(Jurisdiction jurisdiction) {
        String configured = properties.holidayCalendars().get(jurisdiction.code());
        return configured != null ? configured : DEFAULT_HOLIDAY_CALENDARS.get(jurisdiction);
    }

    private Set<LocalDate> holidays(String calendar, int year) {
        if (calendar == null || calendar.isBlank()) {
            return Set.of();
        }
        return holidaysByCalendarAndYear.computeIfAbsent(calendar + "@" + year, key -> load(calendar, year));
    }

    /** The holiday's date and, where it falls on a weekend, the weekday it is observed on (substitute day). */
    private static Stream<LocalDate> daysOff(Holiday holiday) {
        return Stream.concat(Stream.of(holiday.getDate(), holiday.getActualDate()), holiday.getObservedDate().stream());
    }

    private static Set<LocalDate> load(String calendar, int year) {
        String[] parts = calendar.strip().toLowerCase().split("/");
        String[] regions = Arrays.copyOfRange(parts, 1, parts.length);
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(parts[0]));
        return Stream.of(HolidayType.PUBLIC_HOLIDAY, HolidayType.BANK_HOLIDAY)
                .flatMap(type -> manager.getHolidays(Year.of(year), type, regions).stream())
                .flatMap(BusinessCalendars::daysOff)
                .collect(Collectors.toUnmodifiableSet());
    }
}
