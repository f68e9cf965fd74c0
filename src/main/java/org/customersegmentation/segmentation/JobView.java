package org.customersegmentation.segmentation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.customersegmentation.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** @param error what went wrong, when the job FAILED */
record JobView(UUID id, UUID datasetId, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
               EffectiveRequest request, @Schema(ref = "#/components/schemas/Problem") ProblemDetail error) {

    static JobView of(SegmentationJob job) {
        ProblemDetail error = null;
        if (job.status() == JobStatus.FAILED) {
            error = ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, job.errorTitle(), job.errorDetail());
            error.setInstance(URI.create("/api/v1/segmentations/" + job.id()));
        }
        return new JobView(job.id(), job.datasetId(), job.status(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.request(), error);
    }
}
