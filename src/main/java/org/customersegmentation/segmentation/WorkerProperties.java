package org.customersegmentation.segmentation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads        how many jobs this instance runs at once
 * @param pollInterval   how often an idle worker looks for queued jobs (a new job also wakes it at once)
 * @param shutdownGrace  how long shutdown waits for running jobs
 */
@ConfigurationProperties("segmentation.worker")
record WorkerProperties(@DefaultValue("2") int threads,
                        @DefaultValue("1s") Duration pollInterval,
                        @DefaultValue("30s") Duration shutdownGrace) {
}
