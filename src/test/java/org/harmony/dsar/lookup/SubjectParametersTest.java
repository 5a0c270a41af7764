package org.harmony.dsar.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SubjectParametersTest {

    @Test
    void shouldOfferEmailDataPointsAndNullForNamesTheRequesterDidNotGive() {
        SubjectParameters subject = SubjectParameters.of("ada@example.org", Map.of("customerNumber", "C-100001"));

        assertThat(subject.getValue("email")).isEqualTo("ada@example.org");
        assertThat(subject.getValue("customerNumber")).isEqualTo("C-100001");
        assertThat(subject.hasValue("phone")).isTrue();
        assertThat(subject.getValue("phone")).isNull();
    }

    @Test
    void shouldKeepNullForUnknownNamesInCopiesAndLeaveTheOriginalUnchanged() {
        SubjectParameters subject = SubjectParameters.of("ada@example.org", Map.of());
        SubjectParameters keyed = subject.with("customerIds", List.of(1L, 2L));
        SubjectParameters copy = keyed.copy();
        copy.addValue("keepFrom", "2026-01-01");

        assertThat(copy.getValue("phone")).isNull();
        assertThat(copy.getValue("customerIds")).isEqualTo(List.of(1L, 2L));
        assertThat(keyed.asMap()).doesNotContainKey("keepFrom");
        assertThat(subject.asMap()).doesNotContainKey("customerIds");
    }
}
