package org.harmony.dsar.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harmony.dsar.models.ProcessCoverageReport.Coverage;
import org.junit.jupiter.api.Test;

class ProcessCoverageReportTest {

    static final Path MODEL = ProcessModels.PROCESSES.resolve("LegalHoldCheckProcess.bpmn");

    @Test
    void shouldCountOnlyTheModelsOwnElementsAndNameThoseMissed() {
        Coverage coverage = ProcessCoverageReport.coverage(List.of(MODEL), Map.of(
                "LegalHoldCheckProcess", Set.of("StartEvent_CheckRequested", "Flow_CheckRequested", "NotInTheModel"),
                "OtherProcess", Set.of("ServiceTask_CheckLegalHolds"))).get(0);

        assertThat(coverage.process()).isEqualTo("LegalHoldCheckProcess");
        assertThat(coverage.flowNodesCovered()).isEqualTo(1);
        assertThat(coverage.sequenceFlowsCovered()).isEqualTo(1);
        assertThat(coverage.missed()).contains("ServiceTask_CheckLegalHolds").doesNotContain("StartEvent_CheckRequested");
        assertThat(coverage.reaches(0.9)).isFalse();
    }

    @Test
    void shouldReachTheMinimumOnlyWhenNodesAndFlowsBothReachIt() {
        assertThat(new Coverage("P", 10, 9, 10, 10, List.of()).reaches(0.9)).isTrue();
        assertThat(new Coverage("P", 10, 10, 10, 8, List.of()).reaches(0.9)).isFalse();
        assertThat(ProcessCoverageReport.table(List.of(new Coverage("P", 10, 9, 4, 3, List.of("Flow_X"))), 0.9))
                .contains("| P | 9/10 (90.0%) | 3/4 (75.0%) | Flow_X |");
    }
}
