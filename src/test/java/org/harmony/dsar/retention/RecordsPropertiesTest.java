package org.harmony.dsar.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordsPropertiesTest {

    @Test
    void shouldRefuseARetentionShorterThanTheTwentyFourMonthsOfCcpa7101() {
        assertThatThrownBy(() -> properties(Period.ofMonths(23))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least P24M");
        assertThatThrownBy(() -> properties(Period.ofDays(729))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties(Period.ofMonths(-30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptTwentyFourMonthsOrMoreAndCountTheirDays() {
        assertThat(properties(Period.ofMonths(24)).days(LocalDate.of(2026, 1, 1))).isEqualTo(730);
        assertThat(properties(Period.ofYears(3)).days(LocalDate.of(2026, 1, 1))).isEqualTo(1096);
    }

    private static RecordsProperties properties(Period retention) {
        return new RecordsProperties(retention, "0 30 3 * * *", 500, List.of());
    }
}
