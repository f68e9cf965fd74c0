package org.customersegmentation.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/segmentations/{id}")
@Tag(name = "Segmentations")
class ScoringController {

    private static final String PREDICT_EXAMPLE = """
            [
              {"customer_id": "C101", "age": 29, "annual_income": 52000, "spending_score": 77, "region": "North"},
              {"customer_id": "C102", "age": 58, "annual_income": null, "spending_score": 22, "region": "South"}
            ]""";

    private final SegmentScoring scoring;

    ScoringController(SegmentScoring scoring) {
        this.scoring = scoring;
    }

    @Operation(operationId = "predictSegments", summary = "Place new customers in the segments of a SUCCEEDED job",
            description = "Send a JSON array of customers (at most " + SegmentScoring.MAX_RECORDS + ") with the "
                    + "segmentation's features as keys: numeric features as numbers or numeric strings, categorical ones "
                    + "as text, exactly as in the dataset (a JSON number is read as its shortest decimal text, 2 as "
                    + "\"2\", 2.5 as \"2.5\"); null, or leaving the key out, for a missing value. Other keys are "
                    + "ignored. The dataset's ID column, when present, is echoed back as "
                    + "customerId. The preprocessing is applied exactly as fitted: missing values take the fitted "
                    + "imputation, then the transform and scaling; a category never seen in training has every one-hot "
                    + "indicator 0. "
                    + "A value of the wrong kind is a 400 naming the customer (from 1) and the feature. 409 while the job "
                    + "has not succeeded. A body over segmentation.scoring.max-body-size (16 MB by default) is a 413.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The customers to place, each an object with the segmentation's features",
                    content = @Content(mediaType = "application/json", array = @ArraySchema(maxItems = SegmentScoring.MAX_RECORDS,
                            schema = @Schema(type = "object", description = "One customer: its features, by name")),
                            examples = @ExampleObject(name = "customers",
                            summary = "Two customers, one income missing",
                            description = "For a segmentation on age, annual_income, spending_score and region of a "
                                    + "dataset whose ID column is customer_id; C102's null annual_income takes the "
                                    + "fitted imputation.",
                            value = PREDICT_EXAMPLE))))
    @ProblemResponses({400, 404, 409, 413})
    @PostMapping(path = "/predict", consumes = "application/json")
    List<PredictionView> predict(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                 @RequestBody List<Map<String, Object>> customers) {
        return scoring.predict(tenant, id, customers);
    }
}
