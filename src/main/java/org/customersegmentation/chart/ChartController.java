package org.customersegmentation.chart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.OpensWithReportToken;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Charts", description = "Pictures of datasets and segmentations, drawn on the server as SVG or PNG")
class ChartController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final String SIZE = "Pixels, " + ChartSize.MIN + " to " + ChartSize.MAX + "; by default the chart's "
            + "natural size, which grows with the number of features and segments";

    private final Charts charts;

    ChartController(Charts charts) {
        this.charts = charts;
    }

    @Operation(operationId = "getDatasetChart", summary = "A chart of a dataset's profile",
            description = "histograms: one histogram per numeric column (20 equal-width bins), four a row. "
                    + "correlations: the Pearson correlations of the numeric columns as a heatmap with the values in the "
                    + "cells (409 with fewer than two numeric columns). format: svg or png.",
            responses = @ApiResponse(responseCode = "200", description = "The chart", content = {
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    @ProblemResponses({400, 404, 409})
    @GetMapping("/api/v1/datasets/{id}/charts/{chart}.{format}")
    ResponseEntity<byte[]> datasetChart(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                        @Parameter(schema = @Schema(allowableValues = {"histograms", "correlations"}))
                                        @PathVariable String chart,
                                        @Parameter(schema = @Schema(allowableValues = {"svg", "png"}))
                                        @PathVariable String format,
                                        @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer width,
                                        @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer height) {
        return respond(format, () -> charts.dataset(tenant, id, DatasetChart.of(chart), width, height));
    }

    @Operation(operationId = "getSegmentationChart", summary = "A chart of a SUCCEEDED segmentation",
            description = "k-selection: inertia (the elbow) and mean silhouette against k, the chosen k marked (409 "
                    + "for a fixed k). scatter: the customers on the first two principal components of the clustering "
                    + "space, coloured by segment, centres marked; at most 5,000 customers, a sample drawn with the job's "
                    + "seed, so the same every time. profiles: segments x features coloured by z-score. sizes: "
                    + "customers per segment. boxplots: one panel per numeric feature, each with its own axis, one box "
                    + "per segment from the members' p25, median and p75, whiskers at the last value within 1.5 IQR, and "
                    + "the minimum and maximum as circles where beyond them (409 without a numeric "
                    + "feature, or for a result stored before quartiles were kept: run it again). format: svg or png. "
                    + "409 while the job has not succeeded.",
            responses = @ApiResponse(responseCode = "200", description = "The chart", content = {
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    @ProblemResponses({400, 404, 409})
    @OpensWithReportToken
    @GetMapping("/api/v1/segmentations/{id}/charts/{chart}.{format}")
    ResponseEntity<byte[]> segmentationChart(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                             @Parameter(schema = @Schema(allowableValues = {"k-selection", "scatter",
                                                     "profiles", "sizes", "boxplots"})) @PathVariable String chart,
                                             @Parameter(schema = @Schema(allowableValues = {"svg", "png"}))
                                             @PathVariable String format,
                                             @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer width,
                                             @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer height) {
        return respond(format, () -> charts.segmentation(tenant, id, SegmentationChart.of(chart), width, height));
    }

    @Operation(operationId = "getDriftChart", summary = "The drift of a newer snapshot, as PSI per feature",
            description = "One bar per feature of the SUCCEEDED segmentation: its population stability index between "
                    + "the data the segmentation was trained on and the dataset datasetId (as GET "
                    + "/api/v1/segmentations/{id}/drift computes it), coloured by its verdict, with the thresholds 0.1 "
                    + "(monitor) and 0.25 (resegment) drawn across; the subtitle gives the PSI of the segment shares. "
                    + "format: svg or png. 400 when the dataset lacks a feature or has it with another type; 404 for "
                    + "an unknown segmentation or dataset; 409 while the job has not succeeded.",
            responses = @ApiResponse(responseCode = "200", description = "The chart", content = {
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    @ProblemResponses({400, 404, 409})
    @GetMapping("/api/v1/segmentations/{id}/charts/drift.{format}")
    ResponseEntity<byte[]> driftChart(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                                      @Parameter(schema = @Schema(allowableValues = {"svg", "png"}))
                                      @PathVariable String format,
                                      @Parameter(description = "The newer snapshot: a dataset of the caller's with the "
                                              + "segmentation's features") @RequestParam UUID datasetId,
                                      @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer width,
                                      @Parameter(description = SIZE, schema = @Schema(type = "integer", format = "int32", minimum = ChartSize.MIN_TEXT, maximum = ChartSize.MAX_TEXT)) @RequestParam(required = false) Integer height) {
        return respond(format, () -> charts.drift(tenant, id, datasetId, width, height));
    }

    /** A finished job's charts never change, so browsers may keep them for an hour. */
    private static ResponseEntity<byte[]> respond(String format, Supplier<Drawing> drawing) {
        if (!format.equals("svg") && !format.equals("png")) {
            throw new NotFoundException("chart format", format);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        return format.equals("svg")
                ? ok.contentType(SVG).body(drawing.get().svgDocument().getBytes(StandardCharsets.UTF_8))
                : ok.contentType(MediaType.IMAGE_PNG).body(drawing.get().png());
    }
}
