package org.harmony.dsar.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business calendar behind deadlines, reminders and escalations.
 *
 * @param holidayCalendars per jurisdiction code, the Jollyday calendar whose public holidays are not working days:
 *                         a country code, optionally with regions ({@code gb/eng}, {@code us/ca}); jurisdictions
 *                         not listed use {@link BusinessCalendars#DEFAULT_HOLIDAY_CALENDARS}
 * @param closureDays      days the company is closed (in every jurisdiction), on top of weekends and holidays
 * @param reminderTime     local time of day, in the jurisdiction's zone, at which reminders go out
 * @param defaultJurisdiction whose calendar a "business days" timer uses outside a request's process
 */
@ConfigurationProperties("dsar.deadlines")
public record DeadlineProperties(
        @DefaultValue Map<String, String> holidayCalendars,
        @DefaultValue List<LocalDate> closureDays,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue("EU") String defaultJurisdiction) {
}
