package org.customersegmentation.segmentation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.customersegmentation.idempotency.IdempotentRequests;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.job.JobService;
import org.customersegmentation.segmentation.job.JobStatus;
import org.customersegmentation.segmentation.job.JobView;
import org.customersegmentation.segmentation.job.SegmentationRequest;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/segmentations")
@Tag(name = "Segmentations", description = "k-means jobs that run in the background")
class SegmentationController {

    /** Seconds a client should wait before polling a job that is not finished. */
    static final String POLL_AFTER_SECONDS = "2";

    private static final String OPERATION = "POST /api/v1/segmentations";
    private static final String FIXED_K_EXAMPLE = """
            {
              "datasetId": "3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8b7e14",
              "k": 4,
              "seed": 42
            }""";
    private static final String K_RANGE_EXAMPLE = """
            {
              "datasetId": "3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8b7e14",
              "kRange": {"min": 2, "max": 8},
              "kSelection": "SILHOUETTE",
              "features": ["age", "annual_income", "spending_score", "region"],
              "scaling": "STANDARD",
              "logTransform": ["annual_income"],
              "missingValues": "MEDIAN"
            }""";
    private static final String CALLBACK_EXAMPLE = """
            {
              "datasetId": "3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8b7e14",
              "k": 4,
              "seed": 42,
              "callbackUrl": "https://crm.example.com/hooks/segmentation"
            }""";

    private final JobService segmentations;
    private final IdempotentRequests idempotentRequests;
    private final JsonMapper json;

    SegmentationController(JobService segmentations, IdempotentRequests idempotentRequests, JsonMapper json) {
        this.segmentations = segmentations;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    @Operation(operationId = "startSegmentation", summary = "Start a segmentation job",
            description = "Features are imputed, transformed and scaled as the request says (categorical ones one-hot "
                    + "encoded), then clustered with k-means (k-means++ seeding, several restarts) for a fixed k or "
                    + "every k of a range. Answers at once; poll the job. 429 (with Retry-After) when the caller already "
                    + "has the most QUEUED jobs allowed (segmentation.jobs.max-queued-per-tenant, 20).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "Only datasetId is required. Send k for a fixed number of segments, or kRange (and "
                            + "optionally kSelection) to have k chosen; with neither, k is chosen from 2..10 (at most "
                            + "the number of customers) by SILHOUETTE.",
                    content = @Content(mediaType = "application/json", examples = {
                            @ExampleObject(name = "fixedK", summary = "A fixed k",
                                    description = "Four segments, every other setting its default; the seed makes the "
                                            + "run reproducible.",
                                    value = FIXED_K_EXAMPLE),
                            @ExampleObject(name = "kRange", summary = "k chosen from a range",
                                    description = "Tries k = 2..8 and keeps the one with the highest mean silhouette, "
                                            + "on four features (region one-hot encoded), income log-transformed, "
                                            + "missing values filled with the median.",
                                    value = K_RANGE_EXAMPLE),
                            @ExampleObject(name = "withCallback", summary = "With a callback",
                                    description = "As fixedK; the finished job is POSTed, signed, to callbackUrl.",
                                    value = CALLBACK_EXAMPLE)})))
    @ApiResponse(responseCode = "202", description = "Queued; Location names the job, Retry-After says when to poll",
            headers = {@Header(name = "Location", description = "The job's URL", required = true,
                    schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)),
                    @Header(name = "Retry-After", description = "Seconds to wait before polling the job again",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "3600"))})
    @ProblemResponses({400, 404, 409, 422, 429})
    @PostMapping
    ResponseEntity<JobView> create(@AuthenticationPrincipal Tenant tenant, @Valid @RequestBody SegmentationRequest request,
                                   @Parameter(description = "Makes the POST safe to retry: the same key and request "
                                           + "answer with the job the first one created (Idempotent-Replayed: true); the "
                                           + "same key with another request is a 422, and while the first is still being "
                                           + "processed a 409. Keys are the caller's own and expire after 24 hours.",
                                           schema = @Schema(minLength = 1, maxLength = IdempotentRequests.MAX_KEY_LENGTH))
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        if (idempotencyKey == null) {
            return accepted(segmentations.create(tenant, request), false);
        }
        IdempotentRequests.Outcome<JobView> outcome = idempotentRequests.run(tenant, OPERATION, idempotencyKey,
                json.writeValueAsString(request), () -> segmentations.create(tenant, request), JobView::id);
        return outcome.replayed() != null ? accepted(segmentations.get(tenant, outcome.replayed()), true)
                : accepted(outcome.created(), false);
    }

    private static ResponseEntity<JobView> accepted(JobView job, boolean replayed) {
        var response = ResponseEntity.accepted()
                .location(URI.create("/api/v1/segmentations/" + job.id()))
                .header(HttpHeaders.RETRY_AFTER, POLL_AFTER_SECONDS);
        if (replayed) {
            response.header(IdempotentRequests.REPLAYED_HEADER, "true");
        }
        return response.body(job);
    }

    @Operation(operationId = "listSegmentations", summary = "The caller's jobs, newest first",
            description = "Optionally only those of one status or one dataset.")
    @ProblemResponses(400)
    @GetMapping
    PagedModel<JobView> list(@AuthenticationPrincipal Tenant tenant,
                             @Parameter(description = "Only jobs in this status. QUEUED: waiting for a free worker; "
                                     + "RUNNING: being computed (progress says how far); SUCCEEDED: finished, its "
                                     + "result, assignments and predictions available; FAILED: stopped with an error "
                                     + "(error says why); CANCELLED: cancelled before it finished, no results")
                             @RequestParam(required = false) JobStatus status,
                             @Parameter(description = "Only jobs of this dataset")
                             @RequestParam(required = false) UUID datasetId,
                             @Parameter(description = "The page, from 0")
                             @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE) int page,
                             @Parameter(description = "Jobs per page, 1 to 1000")
                             @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int size) {
        return new PagedModel<>(segmentations.list(tenant, status, datasetId, PageRequest.of(page, size)));
    }

    @Operation(operationId = "cancelSegmentation", summary = "Cancel a QUEUED or RUNNING job",
            description = "A queued job never starts; a running one stops within a few seconds, on whichever instance "
                    + "runs it, and stores no results. The job is CANCELLED at once. 409 when it has already finished.")
    @ApiResponse(responseCode = "202", description = "Cancelled; a running computation stops shortly")
    @ProblemResponses({400, 404, 409})
    @PostMapping("/{id}/cancel")
    ResponseEntity<JobView> cancel(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(segmentations.cancel(tenant, id));
    }

    @Operation(operationId = "deleteSegmentation", summary = "Delete a finished job and its results",
            description = "409 while the job is QUEUED or RUNNING: cancel it first.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ProblemResponses({400, 404, 409})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        segmentations.delete(tenant, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "getSegmentation", summary = "A job's status",
            description = "While QUEUED or RUNNING the answer carries Retry-After.")
    @ApiResponse(responseCode = "200", description = "The job; while it is QUEUED or RUNNING, with Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before polling the job again",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "3600")))
    @ProblemResponses({400, 404})
    @GetMapping("/{id}")
    ResponseEntity<JobView> get(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        JobView job = segmentations.get(tenant, id);
        var response = ResponseEntity.ok();
        if (!job.status().isFinished()) {
            response.header(HttpHeaders.RETRY_AFTER, POLL_AFTER_SECONDS);
        }
        return response.body(job);
    }
}
