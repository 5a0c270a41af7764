package org.harmony.dsar.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.harmony.dsar.legalhold.LegalGrounds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The officers' decisions on objections and restriction lifts: what is refused before anything is recorded. */
class RightsDecisionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Nested
    class WeighingAnObjection {

        private final Objections objections = new Objections(null, null, null, CLOCK);

        @Test
        void shouldRefuseContinuingTheProcessingWithoutNamingTheGrounds() {
            assertThat(objections.refusal("CONTINUE_PROCESSING", null)).hasValueSatisfying(
                    refusal -> assertThat(refusal).contains("Name the compelling legitimate grounds"));
            assertThat(objections.refusal("CONTINUE_PROCESSING", "   ")).isPresent();
            assertThat(objections.refusal("CONTINUE_PROCESSING", "Fraud prevention")).isEmpty();
        }

        @Test
        void shouldStopWithoutGroundsAndRefuseAnUnknownDecision() {
            assertThat(objections.refusal("STOP_PROCESSING", null)).isEmpty();
            assertThat(objections.refusal("DIRECT_MARKETING", null)).isEmpty();
            assertThat(objections.refusal("MAYBE", "grounds")).isPresent();
            assertThat(objections.refusal(null, null)).isPresent();
        }
    }

    @Nested
    class LiftingARestriction {

        private final RestrictionLifts lifts = new RestrictionLifts(null, null, null, null,
                new FulfilmentProperties(Duration.ofDays(7), "Harmony", "privacy@harmony.example", 200,
                        Duration.ofHours(1), Duration.ofDays(7)), null, CLOCK);

        @Test
        void shouldRefuseALiftWithoutAKnownReason() {
            assertThat(lifts.refusal("LIFT", null)).hasValueSatisfying(
                    refusal -> assertThat(refusal).contains("RESTRICTION-ACCURACY-VERIFIED"));
            assertThat(lifts.refusal("LIFT", "GDPR-17-3-E-LEGAL-CLAIMS")).isPresent();
            assertThat(lifts.refusal("LIFT", "RESTRICTION-SUBJECT-CONSENTED")).isEmpty();
        }

        @Test
        void shouldKeepWithoutAReasonAndRefuseAnUnknownDecision() {
            assertThat(lifts.refusal("KEEP", null)).isEmpty();
            assertThat(lifts.refusal("LATER", "RESTRICTION-CLAIMS-ENDED")).isPresent();
        }

        @Test
        void shouldHaveASentenceForTheRequesterForEveryReason() {
            RestrictionLifts.REASONS.forEach(reason -> {
                assertThat(LegalGrounds.describe(reason, Locale.ENGLISH)).as(reason).contains("GDPR Art 18");
                assertThat(LegalGrounds.describe(reason, Locale.GERMAN)).as(reason).contains("DSGVO");
            });
        }
    }
}
