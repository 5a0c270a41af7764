package org.harmony.dsar.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.kernel.Masking;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityMatchingTest {

    private static final List<Map<String, Object>> ADA = List.of(
            Map.of("full_name", "Ada Lovelace", "phone", "+44 20 7946 0018", "postcode", "SW1A 1AA",
                    "country", "GB", "customer_number", "C-100001"),
            Map.of("full_name", "Ada Lovelace", "phone", "+44 20 7946 0018"));

    @Nested
    class Matching {

        @Test
        void shouldMatchValuesWhateverTheirCaseSpacingAndPunctuation() {
            IdentityMatching.Match match = IdentityMatching.compare(submitted(
                    "fullName", "ada  LOVELACE", "postcode", "sw1a1aa", "customerNumber", "c100001"), ADA);

            assertThat(match.matched()).isEqualTo(3);
            assertThat(match.submitted()).isEqualTo(3);
        }

        @Test
        void shouldMatchPhoneNumbersByTheirLastNineDigits() {
            assertThat(IdentityMatching.compare(submitted("phone", "020 7946 0018"), ADA).matched()).isEqualTo(1);
            assertThat(IdentityMatching.compare(submitted("phone", "020 7946 0019"), ADA).matched()).isZero();
        }

        @Test
        void shouldNotMatchTooShortPhoneNumbers() {
            assertThat(IdentityMatching.same("phone", "0018", "+44 20 7946 0018")).isFalse();
        }

        @Test
        void shouldCountAWrongValueAndAnUnknownNameAsNoMatch() {
            IdentityMatching.Match match = IdentityMatching.compare(submitted(
                    "postcode", "EC1A 1BB", "favouriteColour", "blue"), ADA);

            assertThat(match.matched()).isZero();
            assertThat(match.points()).extracting(IdentityMatching.PointResult::recorded)
                    .containsExactly("SW1A 1AA", null);
        }

        @Test
        void shouldMatchNothingWhenTheSystemOfRecordHoldsNothing() {
            IdentityMatching.Match match = IdentityMatching.compare(submitted("fullName", "Ada Lovelace"), List.of());

            assertThat(match.matched()).isZero();
            assertThat(match.maskedComparison()).isEqualTo("fullName: submitted ••••ce, nothing on record (cannot be compared)");
        }

        @Test
        void shouldNotMatchAnEmptyValueWithAnEmptyOne() {
            assertThat(IdentityMatching.same("postcode", " - ", "")).isFalse();
        }
    }

    @Nested
    class MaskedView {

        @Test
        void shouldShowNoValueInFull() {
            IdentityMatching.Match match = IdentityMatching.compare(submitted(
                    "phone", "020 7946 0018", "postcode", "EC1A 1BB"), ADA);

            String view = match.maskedComparison();
            assertThat(view).isEqualTo("""
                    phone: submitted ••••18, on record ••••18 (match)
                    postcode: submitted ••••BB, on record ••••AA (no match)""");
            assertThat(view).doesNotContain("7946").doesNotContain("SW1A").doesNotContain("EC1A");
        }

        @Test
        void shouldHideShortValuesAndTheirLengthCompletely() {
            assertThat(Masking.mask("GB")).isEqualTo("••••");
            assertThat(Masking.mask("94103")).isEqualTo("••••");
            assertThat(Masking.mask("  Ada Lovelace ")).isEqualTo("••••ce");
            assertThat(Masking.mask(null)).isEqualTo("(empty)");
        }
    }

    @Test
    void shouldAgreeOnColumnAndDataPointNames() {
        assertThat(IdentityMatching.key("customer_number")).isEqualTo(IdentityMatching.key("customerNumber"));
        assertThat(IdentityMatching.key("full_name")).isEqualTo(IdentityMatching.key(IdentityMatching.FULL_NAME));
    }

    private static Map<String, String> submitted(String... namesAndValues) {
        Map<String, String> points = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            points.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return points;
    }
}
