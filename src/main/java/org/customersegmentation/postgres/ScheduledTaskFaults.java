package org.customersegmentation.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The instance's periodic tasks (progress reports, dispatching, lease renewals, housekeeping) fail every time they
 * run while the database is away, and run again once it is back. Such a failure is logged in one line; any other
 * keeps its stack trace.
 */
@Component
class ScheduledTaskFaults implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFaults.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(failure -> {
            if (DatabaseFaults.isConnectionFault(failure)) {
                log.warn("A scheduled task could not reach the database; it runs again at its next turn: {}",
                        failure.toString());
            } else {
                log.error("Unexpected error in a scheduled task", failure);
            }
        });
    }
}
