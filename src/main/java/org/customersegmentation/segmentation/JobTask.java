package org.customersegmentation.segmentation;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task that runs a segmentation job; the scheduler finds it among the context's tasks. */
@Configuration(proxyBeanMethods = false)
class JobTask {

    @Bean
    OneTimeTask<Void> segmentationJobTask(JobRunner runner) {
        return Tasks.oneTime(JobQueue.TASK).execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }
}
