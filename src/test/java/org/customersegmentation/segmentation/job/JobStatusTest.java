package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void eachStatusAllowsExactlyItsSuccessors() {
        assertThat(successors(JobStatus.QUEUED)).containsExactlyInAnyOrder(JobStatus.RUNNING, JobStatus.CANCELLED);
        assertThat(successors(JobStatus.RUNNING)).containsExactlyInAnyOrder(
                JobStatus.RUNNING, JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED);
        assertThat(successors(JobStatus.SUCCEEDED)).isEmpty();
        assertThat(successors(JobStatus.FAILED)).isEmpty();
        assertThat(successors(JobStatus.CANCELLED)).isEmpty();
    }

    @Test
    void finishedStatusesAreTheOnesWithNoSuccessor() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(status.isFinished()).as(status.name()).isEqualTo(successors(status).isEmpty());
        }
        assertThat(JobStatus.finishedNames()).containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "CANCELLED");
    }

    @Test
    void whatAStatusChangeMayComeFromIsWhatTheDatabaseIsAskedFor() {
        assertThat(JobStatus.CANCELLED.predecessorNames()).containsExactlyInAnyOrder("QUEUED", "RUNNING");
        assertThat(JobStatus.SUCCEEDED.predecessorNames()).containsExactly("RUNNING");
        assertThat(JobStatus.QUEUED.predecessorNames()).isEmpty();
    }

    private static Set<JobStatus> successors(JobStatus status) {
        EnumSet<JobStatus> next = EnumSet.noneOf(JobStatus.class);
        Arrays.stream(JobStatus.values()).filter(status::canBecome).forEach(next::add);
        return next;
    }
}
