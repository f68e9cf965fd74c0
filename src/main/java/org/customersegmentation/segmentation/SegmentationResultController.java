package org.customersegmentation.segmentation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.ReportTokens;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/segmentations/{id}")
@Tag(name = "Segmentations")
class SegmentationResultController {

    private static final String PREDICT_EXAMPLE = """
            [
              {"customer_id": "C101", "age": 29, "annual_income": 52000, "spending_score": 77, "region": "North"},
              {"customer_id": "C102", "age": 58, "annual_income": null, "spending_score": 22, "region": "South"}
            ]""";

    private final SegmentationService segmentations;
    private final SegmentScoring scoring;
    private final ReportTokens reportTokens;

    SegmentationResultController(SegmentationService segmentations, SegmentScoring scoring, ReportTokens reportTokens) {
        this.segmentations = segmentations;
        this.scoring = scoring;
        this.reportTokens = reportTokens;
    }

    @Operation(operationId = "predictSegments", summary = "Place new customers in the segments of a SUCCEEDED job",
            description = "Send a JSON array of customers (at most " + SegmentScoring.MAX_RECORDS + ") with the "
                    + "segmentation's features as keys: numeric features as numbers or numeric strings, categorical ones "
                    + "as text, exactly as in the dataset (a JSON number is read as its shortest decimal text, 2 as "
                    + "\"2\", 2.5 as \"2.5\"); null for a missing value. The dataset's ID column, when present, is echoed back as "
                    + "customerId. The preprocessing is applied exactly as fitted: missing values take the fitted "
                    + "imputation, then the transform and scaling; a category never seen in training has every one-hot "
                    + "indicator 0. "
                    + "A customer without a feature key is a 400 naming it. 409 while the job has not succeeded.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The customers to place, each an object with every feature of the segmentation",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "customers",
                            summary = "Two customers, one income missing",
                            description = "For a segmentation on age, annual_income, spending_score and region of a "
                                    + "dataset whose ID column is customer_id; C102's null annual_income takes the "
                                    + "fitted imputation.",
                            value = PREDICT_EXAMPLE))))
    @ProblemResponses({400, 404, 409})
    @PostMapping(path = "/predict", consumes = "application/json")
    List<PredictionView> predict(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                 @RequestBody List<Map<String, Object>> customers) {
        return scoring.predict(tenant, id, customers);
    }

    @Operation(operationId = "getSegmentationResult", summary = "The segments of a SUCCEEDED job",
            description = "Segments are numbered by size, largest first; centroids and feature summaries are in the "
                    + "features' original units, categorical features are summarized by each value's share and lift. "
                    + "409 while the job has not succeeded.")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/result")
    SegmentationResult result(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return segmentations.result(tenant, id).withReportUrl(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/segmentations/{id}/report").queryParam("token", reportTokens.issue(tenant, id))
                .buildAndExpand(id).toUri());
    }

    @Operation(operationId = "listAssignments", summary = "Each customer's segment", description = "In the dataset's row order. 409 while the job has not succeeded.")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/assignments")
    PagedModel<AssignmentView> assignments(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                           @Parameter(description = "The page, from 0")
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @Parameter(description = "Customers per page, 1 to 10000")
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int size) {
        return new PagedModel<>(segmentations.assignments(tenant, id, PageRequest.of(page, size)));
    }
}
