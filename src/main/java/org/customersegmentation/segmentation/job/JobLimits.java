package org.customersegmentation.segmentation.job;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxQueuedPerTenant how many QUEUED jobs a tenant may have; one more is a 429
 * @param maxRunTime         how long one attempt of a job may run before it is stopped and FAILED
 * @param parallelism        threads one job's k-means may use at once; 0 for every core: a job alone has the
 *                           whole machine, and jobs running at once share the cores as the operating system schedules
 */
@Validated
@ConfigurationProperties("segmentation.jobs")
public record JobLimits(@DefaultValue("20") @Min(1) int maxQueuedPerTenant, @DefaultValue("30m") Duration maxRunTime,
                 @DefaultValue("0") @Min(0) int parallelism) {

    @AssertTrue(message = "segmentation.jobs.max-run-time must be positive")
    boolean isMaxRunTimePositive() {
        return maxRunTime.isPositive();
    }
}
