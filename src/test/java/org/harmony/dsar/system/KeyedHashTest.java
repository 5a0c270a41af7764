package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.harmony.dsar.kernel.KeyedHash;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    @Test
    void shouldComputeHmacSha256AsInRfc4231() {
        // RFC 4231, test case 2
        assertThat(new KeyedHash("Jefe").hex("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldRefuseAnEmptyKey() {
        assertThatThrownBy(() -> new KeyedHash("")).hasMessageContaining("DSAR_HASH_KEY");
    }
}
