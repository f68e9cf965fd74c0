package org.customersegmentation.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/segmentations/{id}/segments")
@Tag(name = "Segmentations")
class SegmentController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final Results results;

    SegmentController(Results results) {
        this.results = results;
    }

    @Operation(operationId = "editSegment", summary = "Name, describe or tag a segment",
            description = "A JSON merge patch: fields left out stay as they are, null clears a field, and clearing name "
                    + "gives the segment back its automatic label. The name is then used by the result, the exports and "
                    + "lookups, predictions, the report and the charts. Repeating a patch gives the same segment. 409 "
                    + "when another segment already goes by the name (whatever its case), or while the job has not "
                    + "succeeded.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = SegmentPatch.class),
                            examples = {
                                    @ExampleObject(name = "rename", summary = "Give the segment its real name",
                                            value = "{\"name\": \"Young Wealth Builders\", \"tags\": [\"premium\"]}"),
                                    @ExampleObject(name = "clear", summary = "Back to the automatic label",
                                            value = "{\"name\": null}")}),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentPatch.class))}))
    @ProblemResponses({400, 404, 409, 415})
    @PatchMapping(path = "/{segment}", consumes = {MERGE_PATCH, "application/json"})
    SegmentationResult.Segment edit(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                    @Parameter(description = "The segment's number, 0..k-1") @PathVariable
                                    @Min(0) @Max(Integer.MAX_VALUE) int segment,
                                    @RequestBody JsonNode patch) {
        return results.editSegment(tenant, id, segment, SegmentPatch.of(patch));
    }
}
