package org.harmony.dsar.appeal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.harmony.dsar.request.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AppealPeriods.dmn: an appeal only in Virginia and Colorado, with the statutory decision periods. */
@Deployment(resources = "processes/AppealPeriods.dmn")
class AppealPeriodsDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    private AppealRules rules() {
        return new AppealRules(extension.getProcessEngine().getDecisionService());
    }

    @Test
    void shouldGiveVirginiaSixtyDaysToDecideWithoutExtension() {
        AppealRules.Periods periods = rules().periods(Jurisdiction.US_VA).orElseThrow();
        assertThat(periods.decision()).isEqualTo(Period.ofDays(60));
        assertThat(periods.extension()).isNull();
        assertThat(periods.window()).isEqualTo(Period.ofDays(45));
        assertThat(periods.reminderBefore()).isEqualTo(Period.ofDays(7));
    }

    @Test
    void shouldGiveColoradoFortyFiveDaysExtendableOnceBySixty() {
        AppealRules.Periods periods = rules().periods(Jurisdiction.US_CO).orElseThrow();
        assertThat(periods.decision()).isEqualTo(Period.ofDays(45));
        assertThat(periods.extension()).isEqualTo(Period.ofDays(60));
    }

    @ParameterizedTest
    @EnumSource(value = Jurisdiction.class, names = {"EU", "UK", "US_CA", "BR", "IN"})
    void shouldOfferNoAppealWhereTheLawGivesNone(Jurisdiction jurisdiction) {
        assertThat(rules().periods(jurisdiction)).isEmpty();
    }
}
