package org.customersegmentation.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.OpensWithReportToken;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

@RestController
@Tag(name = "Charts")
class ReportController {

    /** Nothing on the page may load anything: its styles and pictures are inline, and it has no scripts. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-modals";

    static final String PATH = "/api/v1/segmentations/{id}/report";

    private final Reports reports;
    private final ITemplateEngine templates;

    ReportController(Reports reports, ITemplateEngine templates) {
        this.reports = reports;
        this.templates = templates;
    }

    @Operation(operationId = "getSegmentationReport", summary = "A SUCCEEDED segmentation as a self-contained HTML page",
            description = "The dataset's columns and charts, how k was chosen, the quality metrics with how to read "
                    + "them, the segments with what distinguishes them, the scatter and profile charts, and the "
                    + "preprocessing applied. Everything is inline (no request leaves the page) and it prints on A4. "
                    + "Open it in a browser through the result's reportUrl, which carries a signed token instead of an "
                    + "API key.",
            responses = @ApiResponse(responseCode = "200", description = "The report",
                    content = @Content(mediaType = "text/html", schema = @Schema(type = "string", format = "binary"))))
    @ProblemResponses({400, 401, 404, 409})
    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @OpensWithReportToken
    ResponseEntity<String> report(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        Context context = new Context();
        context.setVariable("report", reports.report(tenant, id));
        return ResponseEntity.ok()
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.process("report", context));
    }
}
