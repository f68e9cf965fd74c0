package org.customersegmentation.segmentation.job;

import java.util.Set;

/** A job's lifecycle; each status knows which statuses may follow it. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    boolean canBecome(JobStatus next) {
        return switch (this) {
            case QUEUED -> Set.of(RUNNING, CANCELLED).contains(next);
            // RUNNING again as a new attempt when the instance running it died
            case RUNNING -> Set.of(RUNNING, SUCCEEDED, FAILED, CANCELLED).contains(next);
            case SUCCEEDED, FAILED, CANCELLED -> false;
        };
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
