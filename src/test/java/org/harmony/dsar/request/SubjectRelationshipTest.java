package org.harmony.dsar.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectRelationshipTest {

    @Test
    void shouldBeTheSubjectWithoutAnAgent() {
        assertThat(SubjectRelationship.of(null)).isEqualTo(SubjectRelationship.SUBJECT);
    }

    @ParameterizedTest
    @CsvSource({"authorised agent, AGENT", "Lawyer, AGENT", "Parent, PARENT", "legal guardian, PARENT",
            "mother and parent, PARENT"})
    void shouldReadTheRelationshipTheAgentGave(String relationship, SubjectRelationship expected) {
        assertThat(SubjectRelationship.of(new DsarRequest.Agent("Sam Agent", "sam@example.org", relationship)))
                .isEqualTo(expected);
    }
}
