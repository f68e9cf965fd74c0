package org.customersegmentation.segmentation.job;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A job's lifecycle. Each status knows the statuses a job may be in to become it; every status change is an
 * UPDATE that names them ({@code ... WHERE status IN (...)}), so that of two racing changes the database lets only
 * the one that is still allowed through.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    Set<JobStatus> predecessors() {
        return switch (this) {
            case QUEUED -> EnumSet.noneOf(JobStatus.class);
            // RUNNING again as a new attempt when the instance running it died
            case RUNNING -> EnumSet.of(QUEUED, RUNNING);
            case SUCCEEDED, FAILED -> EnumSet.of(RUNNING);
            case CANCELLED -> EnumSet.of(QUEUED, RUNNING);
        };
    }

    /** The predecessors as the database stores them, for the {@code IN (...)} of a status change. */
    List<String> predecessorNames() {
        return predecessors().stream().map(Enum::name).toList();
    }

    boolean canBecome(JobStatus next) {
        return next.predecessors().contains(this);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    static List<String> finishedNames() {
        return EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isFinished).map(Enum::name).toList();
    }
}
