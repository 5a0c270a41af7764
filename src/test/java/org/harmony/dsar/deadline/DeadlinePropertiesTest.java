package org.harmony.dsar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.harmony.dsar.request.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeadlinePropertiesTest {

    @Test
    void shouldBindHolidayCalendarsByJurisdictionCodeAndClosureDays() {
        DeadlineProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "dsar.deadlines.holiday-calendars.US-CA", "us/ny",
                "dsar.deadlines.closure-days[0]", "2026-12-24")))
                .bind("dsar.deadlines", DeadlineProperties.class).get();

        assertThat(properties.holidayCalendars()).containsEntry("US-CA", "us/ny");
        BusinessCalendars calendars = new BusinessCalendars(properties);
        assertThat(calendars.isWorkingDay(Jurisdiction.UK, LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(calendars.isWorkingDay(Jurisdiction.UK, LocalDate.parse("2026-12-23"))).isTrue();
    }
}
