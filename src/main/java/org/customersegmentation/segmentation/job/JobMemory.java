package org.customersegmentation.segmentation.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The heap one job may use, which a job's estimated {@link WorkingSet} must fit in to be accepted.
 *
 * @param heapShare the share of the JVM's maximum heap that the jobs this instance runs at once
 *                  ({@code db-scheduler.threads}) may use together; each gets its part
 * @param perJob    the heap one job may use, when set, instead of its part of {@code heapShare}
 */
@Validated
@ConfigurationProperties("segmentation.jobs.memory")
record JobMemory(@DefaultValue("0.8") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double heapShare,
                 DataSize perJob) {

    long perJobBytes(long maxHeapBytes, int jobThreads) {
        return perJob != null ? perJob.toBytes() : (long) (maxHeapBytes * heapShare / jobThreads);
    }
}
