package org.customersegmentation.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/segmentations/{id}")
@Tag(name = "Segmentations")
class ResultController {

    private final Results results;
    private final ReportLinks reportLinks;

    ResultController(Results results, ReportLinks reportLinks) {
        this.results = results;
        this.reportLinks = reportLinks;
    }

    @Operation(operationId = "getSegmentationResult", summary = "The segments of a SUCCEEDED job",
            description = "Segments are numbered by size, largest first; centroids and feature summaries are in the "
                    + "features' original units, categorical features are summarized by each value's share and lift. "
                    + "409 while the job has not succeeded.")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/result")
    SegmentationResult result(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return results.finished(tenant, id).result().withReportUrl(reportLinks.reportUrl(tenant, id));
    }

    @Operation(operationId = "listAssignments", summary = "Each customer's segment", description = "In the dataset's row order. 409 while the job has not succeeded.")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/assignments")
    PagedModel<AssignmentView> assignments(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                           @Parameter(description = "The page, from 0")
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE) int page,
                                           @Parameter(description = "Customers per page, 1 to 10000")
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int size) {
        return new PagedModel<>(results.assignments(tenant, id, PageRequest.of(page, size)).map(AssignmentView::of));
    }
}
