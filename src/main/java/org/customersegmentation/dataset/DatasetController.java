package org.customersegmentation.dataset;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Customer tables uploaded from a CRM")
class DatasetController {

    private static final String ID_COLUMN_HELP = "Header of the customer-ID column. Default: the first header that reads as "
            + "id, customer_id, customerid or cust_id (case and _ - spaces ignored); without one, customers are numbered by row.";

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Operation(operationId = "uploadDataset", summary = "Upload customers as CSV",
            description = "Send the CSV as the body (Content-Type: text/csv) or as the part named file of a "
                    + "multipart/form-data form. The first row is the header. Columns whose non-empty values are all "
                    + "numbers are NUMERIC, the others CATEGORICAL; empty cells are missing values. A rejected upload "
                    + "stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class))}))
    @ApiResponse(responseCode = "201", description = "Created; Location names the dataset")
    @ProblemResponses({400, 413, 415})
    @PostMapping(consumes = "text/csv")
    ResponseEntity<DatasetView> uploadCsv(
            @AuthenticationPrincipal Tenant tenant,
            @Parameter(hidden = true) InputStream body,
            @Parameter(description = "A name for the dataset") @RequestParam(defaultValue = "unnamed") String name,
            @Parameter(description = ID_COLUMN_HELP) @RequestParam(required = false) String idColumn) {
        return created(datasets.upload(tenant, name, idColumn, body));
    }

    /** Documented together with {@link #uploadCsv}: OpenAPI has one operation per path and method. */
    @Hidden
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<DatasetView> uploadMultipart(
            @AuthenticationPrincipal Tenant tenant,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "A name for the dataset; default: the file's name") @RequestParam(required = false) String name,
            @Parameter(description = ID_COLUMN_HELP) @RequestParam(required = false) String idColumn) throws IOException {
        String effectiveName = name != null ? name : file.getOriginalFilename() != null ? file.getOriginalFilename() : "unnamed";
        try (InputStream body = file.getInputStream()) {
            return created(datasets.upload(tenant, effectiveName, idColumn, body));
        }
    }

    @Operation(operationId = "getDataset", summary = "One dataset")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}")
    DatasetView get(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return datasets.get(tenant, id);
    }

    @Operation(operationId = "listDatasets", summary = "The caller's datasets, newest first")
    @ProblemResponses(400)
    @GetMapping
    PagedModel<DatasetView> list(@AuthenticationPrincipal Tenant tenant,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int size) {
        return new PagedModel<>(datasets.list(tenant, PageRequest.of(page, size)));
    }

    /** The multipart form's shape, for the API description. */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
    }

    private static ResponseEntity<DatasetView> created(DatasetView dataset) {
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.id())).body(dataset);
    }
}
