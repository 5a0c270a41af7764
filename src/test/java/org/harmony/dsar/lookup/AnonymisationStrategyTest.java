package org.harmony.dsar.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnonymisationStrategyTest {

    @Nested
    class Null {
        @Test
        void shouldEmptyTheField() {
            assertThat(AnonymisationStrategy.NULL.anonymise("+44 20 7946 0018", null, "salt")).isNull();
        }
    }

    @Nested
    class Fixed {
        @Test
        void shouldSetTheConfiguredValue() {
            assertThat(AnonymisationStrategy.FIXED.anonymise("Ada Lovelace", "Erased customer", "salt"))
                    .isEqualTo("Erased customer");
        }
    }

    @Nested
    class Hash {
        @Test
        void shouldBeStableForTheSameValueAndSaltAndDifferForAnotherSalt() {
            Object once = AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, "salt");
            assertThat(AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, "salt")).isEqualTo(once);
            assertThat(AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, "pepper"))
                    .isNotEqualTo(once);
            assertThat(once.toString()).doesNotContain("lovelace").matches("[0-9a-f]+");
        }

        @Test
        void shouldFitTheOriginalColumnWidth() {
            assertThat(AnonymisationStrategy.HASH.anonymise("SW1A 1AA", null, "salt").toString()).hasSize(8);
            assertThat(AnonymisationStrategy.HASH.anonymise("x".repeat(300), null, "salt").toString()).hasSize(64);
        }

        @Test
        void shouldKeepNullAsNull() {
            assertThat(AnonymisationStrategy.HASH.anonymise(null, null, "salt")).isNull();
        }
    }

    @Nested
    class Random {
        @Test
        void shouldReplaceWithUnrelatedTextOfTheSameLength() {
            Object first = AnonymisationStrategy.RANDOM.anonymise("$2a$10$demoHash", null, "salt");
            Object second = AnonymisationStrategy.RANDOM.anonymise("$2a$10$demoHash", null, "salt");
            assertThat(first.toString()).hasSize(15).matches("[a-z0-9]+");
            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void shouldKeepNullAsNull() {
            assertThat(AnonymisationStrategy.RANDOM.anonymise(null, null, "salt")).isNull();
        }
    }
}
