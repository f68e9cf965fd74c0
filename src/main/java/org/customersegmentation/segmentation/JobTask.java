package org.customersegmentation.segmentation;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task that runs a segmentation job; the scheduler finds it among the context's tasks. */
@Configuration(proxyBeanMethods = false)
class JobTask {

    /** A run that throws (see {@link JobRunner#MAX_ATTEMPTS}) is tried again after 5 s, then 7.5 s. */
    @Bean
    OneTimeTask<Void> segmentationJobTask(JobRunner runner) {
        return Tasks.oneTime(JobQueue.TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }
}
