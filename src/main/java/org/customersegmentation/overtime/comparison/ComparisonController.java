package org.customersegmentation.overtime.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.Download;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/segmentations/{id}/comparison")
@Tag(name = "Segmentations")
class ComparisonController {

    static final String TEXT_CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final String CSV_EXAMPLE = """
            customerId,fromKey,fromName,toKey,toName
            C001,S1,Loyal high spenders,S3,At risk
            C007,S2,younger low spenders,S1,Loyal high spenders
            """;
    private static final String NDJSON_EXAMPLE = """
            {"customerId":"C001","fromKey":"S1","fromName":"Loyal high spenders","toKey":"S3","toName":"At risk"}
            {"customerId":"C007","fromKey":"S2","fromName":"younger low spenders","toKey":"S1","toName":"Loyal high spenders"}
            """;

    private final Comparisons comparisons;

    ComparisonController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Operation(operationId = "compareSegmentations", summary = "Who moved where between two segmentations",
            description = """
                    Compares this segmentation with another of yours (last month's, say; it may be on another \
                    dataset) on the customers both segmented, matched by customer ID. Customers a job left out \
                    (missingValues DROP_ROWS) count as not in it. Segments are matched by key: migration.counts[i][j] \
                    is the number of common customers in the other's segment from[i] and in this one's to[j]; \
                    stayed gives, for every key both have, the share of its earlier members still under it. \
                    404 when either is unknown or another tenant's; 409 unless both have SUCCEEDED.""")
    @ProblemResponses({400, 404, 409})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Comparison compare(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                       @Parameter(description = "The segmentation to compare with, the earlier one")
                       @RequestParam UUID with) {
        return comparisons.compare(tenant, id, with);
    }

    @Operation(operationId = "exportMovers", summary = "The customers whose key changed, as CSV or NDJSON",
            description = """
                    Every customer both segmentations segmented whose key in this one differs from its key in the \
                    other (with), in this segmentation's row order, as an attachment: text/csv with the header \
                    customerId,fromKey,fromName,toKey,toName, or application/x-ndjson, one object per line. Names \
                    are the segments' current names (the name given, else the label). In the CSV, a cell that \
                    begins with =, +, -, @, a tab or a carriage return is written with a leading apostrophe so that \
                    a spreadsheet shows it as text; NDJSON carries it unchanged. There is no JSON page: ask for one \
                    of the two in the Accept header, else the answer is 406. 404 when either segmentation is unknown \
                    or another tenant's; 409 unless both have SUCCEEDED.""")
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            description = "attachment; filename=\"segmentation-{id}-movers.csv\" (or .ndjson)",
            schema = @Schema(type = "string", maxLength = 128)),
            content = {
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary",
                            description = "The header customerId,fromKey,fromName,toKey,toName, then one line per "
                                    + "customer who moved"),
                            examples = @ExampleObject(name = "movers", summary = "Two customers", value = CSV_EXAMPLE)),
                    // capitals keep Swagger UI from quoting the example as one JSON string (see DatasetController)
                    @Content(mediaType = "application/x-NDJSON", schema = @Schema(type = "string", format = "binary",
                            description = "One object per line: customerId, fromKey, fromName, toKey, toName"),
                            examples = @ExampleObject(name = "movers", summary = "Two customers",
                                    value = NDJSON_EXAMPLE))})
    @ProblemResponses({400, 404, 406, 409})
    @GetMapping(value = "/movers", produces = MediaType.APPLICATION_JSON_VALUE)
    void movers(@PathVariable UUID id,
                @Parameter(description = "The segmentation to compare with, the earlier one") @RequestParam UUID with,
                @Parameter(description = "Only the customers who had this key in the other segmentation",
                        schema = @Schema(maxLength = 64)) @RequestParam(required = false) String fromKey,
                @Parameter(description = "Only the customers who have this key in this segmentation",
                        schema = @Schema(maxLength = 64)) @RequestParam(required = false) String toKey)
            throws HttpMediaTypeNotAcceptableException {
        // a page would join a million customers again for each page; a download does it once
        HttpMediaTypeNotAcceptableException notAcceptable = new HttpMediaTypeNotAcceptableException(
                List.of(MediaType.parseMediaType(TEXT_CSV), MediaType.parseMediaType(NDJSON)));
        notAcceptable.getBody().setDetail("The movers come as a download: send Accept: text/csv or Accept: "
                + "application/x-ndjson.");
        throw notAcceptable;
    }

    @Operation(hidden = true) // exportMovers describes it
    @GetMapping(value = "/movers", produces = TEXT_CSV)
    void moversCsv(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id, @RequestParam UUID with,
                   @RequestParam(required = false) String fromKey, @RequestParam(required = false) String toKey,
                   HttpServletResponse response) throws IOException {
        comparisons.exportCsv(tenant, id, with, fromKey, toKey,
                Download.attachment(response, TEXT_CSV + ";charset=UTF-8", fileName(id, "csv")));
    }

    @Operation(hidden = true) // exportMovers describes it
    @GetMapping(value = "/movers", produces = NDJSON)
    void moversNdjson(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id, @RequestParam UUID with,
                      @RequestParam(required = false) String fromKey, @RequestParam(required = false) String toKey,
                      HttpServletResponse response) throws IOException {
        comparisons.exportNdjson(tenant, id, with, fromKey, toKey, Download.attachment(response, NDJSON, fileName(id, "ndjson")));
    }

    private static String fileName(UUID id, String extension) {
        return "segmentation-" + id + "-movers." + extension;
    }
}
