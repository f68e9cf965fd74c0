package org.customersegmentation.segmentation.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxQueuedPerTenant how many QUEUED jobs a tenant may have; one more is a 429
 * @param maxRunTime         how long one attempt of a job may run before it is stopped and FAILED
 * @param parallelism        threads one job's k-means may use at once; 0 for every core: a job alone has the
 *                           whole machine, and jobs running at once share the cores as the operating system schedules
 */
@ConfigurationProperties("segmentation.jobs")
public record JobLimits(@DefaultValue("20") int maxQueuedPerTenant, @DefaultValue("30m") Duration maxRunTime,
                 @DefaultValue("0") int parallelism) {
}
