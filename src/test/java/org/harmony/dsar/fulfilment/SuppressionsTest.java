package org.harmony.dsar.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.harmony.dsar.kernel.KeyedHash;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void shouldTypeConfiguredFlagValuesForSql() {
        assertThat(Suppressions.typed("true", NOW)).isEqualTo(Boolean.TRUE);
        assertThat(Suppressions.typed("FALSE", NOW)).isEqualTo(Boolean.FALSE);
        assertThat(Suppressions.typed("NOW", NOW)).isEqualTo(Timestamp.from(NOW));
        assertThat(Suppressions.typed("opted out", NOW)).isEqualTo("opted out");
    }

    @Test
    void shouldIdentifyTheSubjectByAHashOfTheNormalisedEmail() {
        KeyedHash key = new KeyedHash("a-test-key-of-at-least-32-characters!");
        assertThat(Suppressions.subjectHash(" Ada.Lovelace@Example.org ", key))
                .isEqualTo(Suppressions.subjectHash("ada.lovelace@example.org", key))
                .isNotEqualTo(Suppressions.subjectHash("ada.lovelace@example.org",
                        new KeyedHash("another-test-key-of-32-characters!!")))
                .hasSize(64)
                .doesNotContain("lovelace");
    }
}
