package org.harmony.dsar.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmony.dsar.kernel.KeyedHash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnonymisationStrategyTest {

    private static final KeyedHash KEY = new KeyedHash("anonymisation-test-key-not-a-secret");

    @Nested
    class Null {
        @Test
        void shouldEmptyTheField() {
            assertThat(AnonymisationStrategy.NULL.anonymise("+44 20 7946 0018", null, KEY)).isNull();
        }
    }

    @Nested
    class Fixed {
        @Test
        void shouldSetTheConfiguredValue() {
            assertThat(AnonymisationStrategy.FIXED.anonymise("Ada Lovelace", "Erased customer", KEY))
                    .isEqualTo("Erased customer");
        }
    }

    @Nested
    class Hash {
        @Test
        void shouldBeStableForTheSameValueAndKeyAndDifferForAnotherKey() {
            Object once = AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, KEY);
            assertThat(AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, KEY)).isEqualTo(once);
            assertThat(AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null,
                    new KeyedHash("another-installation-key-0000000"))).isNotEqualTo(once);
            assertThat(once.toString()).doesNotContain("lovelace").matches("[0-9a-f]+");
        }

        @Test
        void shouldBeTheHmacOfTheValueNotAPlainHash() {
            assertThat(AnonymisationStrategy.HASH.anonymise("ada.lovelace@example.org", null, KEY))
                    .isEqualTo(KEY.hex("ada.lovelace@example.org").substring(0, 24))
                    .isNotEqualTo(org.harmony.dsar.kernel.Sha256.hex("ada.lovelace@example.org").substring(0, 24));
        }

        @Test
        void shouldFitTheOriginalColumnWidth() {
            assertThat(AnonymisationStrategy.HASH.anonymise("SW1A 1AA", null, KEY).toString()).hasSize(8);
            assertThat(AnonymisationStrategy.HASH.anonymise("x".repeat(300), null, KEY).toString()).hasSize(64);
        }

        @Test
        void shouldKeepNullAsNull() {
            assertThat(AnonymisationStrategy.HASH.anonymise(null, null, KEY)).isNull();
        }
    }

    @Nested
    class Random {
        @Test
        void shouldReplaceWithUnrelatedTextOfTheSameLength() {
            Object first = AnonymisationStrategy.RANDOM.anonymise("$2a$10$demoHash", null, KEY);
            Object second = AnonymisationStrategy.RANDOM.anonymise("$2a$10$demoHash", null, KEY);
            assertThat(first.toString()).hasSize(15).matches("[a-z0-9]+");
            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void shouldKeepNullAsNull() {
            assertThat(AnonymisationStrategy.RANDOM.anonymise(null, null, KEY)).isNull();
        }
    }
}
