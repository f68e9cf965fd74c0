package org.customersegmentation.segmentation.job;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.customersegmentation.engine.RunControl;
import org.customersegmentation.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * @param progress where the job is while QUEUED or RUNNING; null once it has finished
 * @param error    what went wrong, when the job FAILED
 * @param callback what became of the POST to the request's callbackUrl, once the job has ended; null before, and
 *                 when it has none
 */
public record JobView(UUID id, UUID datasetId, JobStatus status, Instant createdAt,
               @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt,
               @Schema(nullable = true) Progress progress, EffectiveRequest request,
               @Schema(ref = "#/components/schemas/Problem", nullable = true) ProblemDetail error,
               @Schema(nullable = true) Callback callback) {

    /**
     * Written by the instance running the job every {@code segmentation.jobs.progress-interval} (1 s by default).
     *
     * @param phase   QUEUED, LOADING, PREPROCESSING, CLUSTERING, EVALUATING or SAVING
     * @param percent an estimate of the work done, by the share of k-means fits finished
     * @param k       the number of segments being fitted or evaluated, once clustering has begun
     */
    record Progress(@Schema(allowableValues = {"QUEUED", "LOADING", "PREPROCESSING", "CLUSTERING", "EVALUATING", "SAVING"})
                    String phase, int percent, @Schema(nullable = true) Integer k) {

        public static Progress of(SegmentationJob job) {
            return switch (job.status()) {
                case QUEUED -> new Progress("QUEUED", 0, null);
                case RUNNING -> job.progressPhase() == null ? new Progress(RunControl.Phase.LOADING.name(), 0, null)
                        : new Progress(job.progressPhase(), job.progressPercent(), job.progressK());
                case SUCCEEDED, FAILED, CANCELLED -> null;
            };
        }
    }

    /**
     * The delivery of the job to its callbackUrl, which begins once the job has ended.
     *
     * @param status        PENDING until a POST is answered 2xx (DELIVERED) or the retries run out (GAVE_UP)
     * @param attempts      how many POSTs have been tried
     * @param lastAttemptAt when the latest was tried
     * @param lastError     why the latest failed; null once delivered
     */
    record Callback(@Schema(allowableValues = {"PENDING", "DELIVERED", "GAVE_UP"}) String status, int attempts,
                    @Schema(nullable = true) Instant lastAttemptAt, @Schema(nullable = true) String lastError) {

        public static Callback of(SegmentationJob job) {
            if (job.request().callbackUrl() == null || !job.status().isFinished()) {
                return null;
            }
            return new Callback(job.callbackStatus() == null ? "PENDING" : job.callbackStatus(),
                    job.callbackAttempts(), job.callbackLastAttemptAt(), job.callbackLastError());
        }
    }

    public static JobView of(SegmentationJob job) {
        ProblemDetail error = null;
        if (job.status() == JobStatus.FAILED) {
            error = ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, job.errorTitle(), job.errorDetail());
            error.setInstance(URI.create("/api/v1/segmentations/" + job.id()));
        }
        return new JobView(job.id(), job.datasetId(), job.status(), job.createdAt(), job.startedAt(), job.finishedAt(),
                Progress.of(job), job.request(), error, Callback.of(job));
    }
}
