package org.customersegmentation.segmentation.execution;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.customersegmentation.segmentation.callback.CallbackDelivery;
import org.customersegmentation.segmentation.callback.CallbackSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler tasks that run a segmentation job and deliver its callback; the scheduler finds them here. */
@Configuration(proxyBeanMethods = false)
class JobTask {

    /** A run that throws (see {@link JobRunner#MAX_ATTEMPTS}) is tried again after 5 s, then 7.5 s. */
    @Bean
    OneTimeTask<Void> segmentationJobTask(JobRunner runner) {
        return Tasks.oneTime(JobQueue.TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }

    /** Posts a finished job to its callbackUrl; a failed delivery is tried again after 10 s, 20 s, 40 s, ... */
    @Bean
    OneTimeTask<Void> jobCallbackTask(CallbackDelivery delivery, CallbackSettings settings) {
        return Tasks.oneTime(JobQueue.CALLBACK_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetry(), 2))
                .execute((instance, context) -> {
                    try {
                        delivery.deliver(UUID.fromString(instance.getId()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }
}
