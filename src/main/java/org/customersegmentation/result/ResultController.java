package org.customersegmentation.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.Download;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    static final String TEXT_CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final String CSV_EXAMPLE = """
            customerId,segment,key,name,distance
            C001,0,S1,younger high spenders,0.41
            C002,1,S2,Loyal seniors,0.93
            "'=HYPERLINK(""x"")",0,S1,younger high spenders,1.2
            """;
    private static final String NDJSON_EXAMPLE = """
            {"customerId":"C001","segment":0,"key":"S1","name":"younger high spenders","distance":0.41}
            {"customerId":"C002","segment":1,"key":"S2","name":"Loyal seniors","distance":0.93}
            {"customerId":"=HYPERLINK(\\"x\\")","segment":0,"key":"S1","name":"younger high spenders","distance":1.2}
            """;

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

    @Operation(operationId = "listAssignments", summary = "Each customer's segment: a page, or all as CSV or NDJSON",
            description = """
                    In the dataset's row order, with the segment's key (stable across refreshes) and current name \
                    (the name given to it, else its label). By the Accept header: application/json (the default) answers one page; text/csv or \
                    application/x-ndjson streams every customer as an attachment, and page and size do not apply. \
                    In the CSV, a customer ID or name that begins with =, +, -, @, a tab or a carriage return is \
                    written with a leading apostrophe, so that a spreadsheet shows it as text rather than running it \
                    as a formula; JSON and NDJSON carry it unchanged. 409 while the job has not succeeded.""")
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            description = "For text/csv and application/x-ndjson: attachment; filename=\"segmentation-{id}-"
                    + "assignments.csv\" (or .ndjson)", schema = @Schema(type = "string", maxLength = 128)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AssignmentPage.class)),
                    // binary: generated clients save a download as a file rather than parse it as JSON
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary",
                            description = "The header customerId,segment,key,name,distance, then one line per customer"),
                            examples = @ExampleObject(name = "assignments", summary = "Three customers",
                                    value = CSV_EXAMPLE)),
                    // capitals keep Swagger UI from quoting the example as one JSON string (see DatasetController)
                    @Content(mediaType = "application/x-NDJSON", schema = @Schema(type = "string", format = "binary",
                            description = "One object per line: customerId, segment, key, name, distance"),
                            examples = @ExampleObject(name = "assignments", summary = "Three customers",
                                    value = NDJSON_EXAMPLE))})
    @ProblemResponses({400, 404, 409})
    @GetMapping(value = "/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    PagedModel<AssignmentView> assignments(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                           @Parameter(description = "The page, from 0")
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE) int page,
                                           @Parameter(description = "Customers per page, 1 to 10000")
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int size,
                                           @Parameter(description = "Only the customers of these segments (repeat "
                                                   + "it for several: segment=0&segment=2); all when left out",
                                                   array = @ArraySchema(maxItems = 100, schema = @Schema(
                                                           type = "integer", format = "int32", minimum = "0",
                                                           maximum = "99")))
                                           @RequestParam(required = false) List<Integer> segment) {
        return new PagedModel<>(results.assignments(tenant, id, segment, PageRequest.of(page, size))
                .map(AssignmentView::of));
    }

    @Operation(hidden = true) // listAssignments describes it
    @GetMapping(value = "/assignments", produces = TEXT_CSV)
    void assignmentsCsv(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                        @RequestParam(required = false) List<Integer> segment, HttpServletResponse response)
            throws IOException {
        results.exportCsv(tenant, id, segment, Download.attachment(response, TEXT_CSV + ";charset=UTF-8", fileName(id, "csv")));
    }

    @Operation(hidden = true) // listAssignments describes it
    @GetMapping(value = "/assignments", produces = NDJSON)
    void assignmentsNdjson(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                           @RequestParam(required = false) List<Integer> segment, HttpServletResponse response)
            throws IOException {
        results.exportNdjson(tenant, id, segment, Download.attachment(response, NDJSON, fileName(id, "ndjson")));
    }

    @Operation(operationId = "getAssignment", summary = "One customer's segment",
            description = "The customer is named by its ID in the dataset. 404 when the segmentation has no such "
                    + "customer; 409 while the job has not succeeded.")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/assignments/{customerId}")
    AssignmentView assignment(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                              @Parameter(description = "The customer's ID, as in the dataset's ID column",
                                      schema = @Schema(maxLength = 256))
                              @PathVariable String customerId) {
        return AssignmentView.of(results.assignment(tenant, id, customerId));
    }

    private static String fileName(UUID id, String extension) {
        return "segmentation-" + id + "-assignments." + extension;
    }

    /**
     * PagedModel&lt;AssignmentView&gt; as a class for the annotation above, named as springdoc names the method's
     * return type when no content is declared: generated clients keep the model they had.
     */
    @Schema(name = "PagedModelAssignmentView")
    private static final class AssignmentPage extends PagedModel<AssignmentView> {

        private AssignmentPage() {
            super(Page.empty());
        }
    }
}
