package org.customersegmentation.dataset.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.UnsupportedFormatException;
import org.customersegmentation.common.UploadInterruptedException;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.dataset.ingest.UploadFormat;
import org.customersegmentation.dataset.ingest.UploadProperties;
import org.customersegmentation.dataset.storage.DatasetService;
import org.customersegmentation.idempotency.IdempotentRequests;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Customer tables uploaded from a CRM")
class DatasetController {

    static final String IDEMPOTENCY_KEY = "Makes the upload safe to retry: the same key, parameters and body answer "
            + "with the dataset the first upload created (Idempotent-Replayed: true); the same key with another upload is "
            + "a 422, and while the first is still being stored a 409. Keys are the caller's own and expire after 24 hours.";
    private static final String OPERATION = "POST /api/v1/datasets";
    private static final String CSV_EXAMPLE = """
            customer_id,age,annual_income,spending_score,region
            C001,34,58000,72,North
            C002,51,91000,35,South
            C003,27,,81,North
            C004,45,67000,50,West
            C005,62,43000,18,South
            """;
    private static final String JSON_EXAMPLE = """
            [
              {"customer_id": "C001", "age": 34, "annual_income": 58000, "spending_score": 72, "region": "North"},
              {"customer_id": "C002", "age": 51, "annual_income": 91000, "spending_score": 35, "region": "South"},
              {"customer_id": "C003", "age": 27, "annual_income": null, "spending_score": 81, "region": "North"}
            ]""";
    private static final String NDJSON_EXAMPLE = """
            {"customer_id": "C001", "age": 34, "annual_income": 58000, "spending_score": 72, "region": "North"}
            {"customer_id": "C002", "age": 51, "annual_income": 91000, "spending_score": 35, "region": "South"}
            {"customer_id": "C003", "age": 27, "annual_income": null, "spending_score": 81, "region": "North"}
            """;

    private final DatasetService datasets;
    private final Datasets profiles;
    private final UploadProperties limits;
    private final IdempotentRequests idempotentRequests;

    DatasetController(DatasetService datasets, Datasets profiles, UploadProperties limits,
                      IdempotentRequests idempotentRequests) {
        this.datasets = datasets;
        this.profiles = profiles;
        this.limits = limits;
        this.idempotentRequests = idempotentRequests;
    }

    @Operation(operationId = "uploadDataset", summary = "Upload customers as CSV, JSON or NDJSON",
            description = """
                    The body is streamed into the database as it arrives; a rejected or interrupted upload stores \
                    nothing. Send CSV (first row = header; RFC 4180 quoting; UTF-8 with or without BOM), a JSON array of \
                    flat objects, NDJSON (one object per line), or a multipart/form-data form whose part `file` holds one \
                    of these (its format from the part's Content-Type or file name, default CSV). Any of them may be \
                    gzip-compressed (`Content-Encoding: gzip`, or a .gz file); a gzip body is received whole, then \
                    measured, before it is read.

                    Limits: segmentation.upload.max-size once inflated (413); a tenant's concurrentUploads at once (429) \
                    below the instance's segmentation.upload.max-concurrent (503); and an upload arriving slower than \
                    segmentation.upload.min-throughput (64 KB/s) over a throughput-window (30 s) is abandoned (408).

                    Empty cells, NA, N/A, null and NaN (any case) and JSON null are missing values. A column whose \
                    values are all numbers is NUMERIC; otherwise CATEGORICAL with at most `maxCategories` distinct \
                    values, else TEXT (never a feature). Customer IDs must be unique. Content errors answer 400 with \
                    `line` (1-based; the CSV header is line 1) and `column` where they apply.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "customers",
                                    summary = "Five customers, one income missing",
                                    description = "customer_id becomes the ID column; age, annual_income and "
                                            + "spending_score are NUMERIC, region CATEGORICAL. C003's empty "
                                            + "annual_income is a missing value.",
                                    value = CSV_EXAMPLE)),
                    @Content(mediaType = "application/json", array = @ArraySchema(maxItems = Integer.MAX_VALUE,
                            schema = @Schema(type = "object",
                            description = "One customer: a flat object of strings, numbers, booleans or null")),
                            examples = @ExampleObject(name = "customers",
                                    summary = "Three customers, one income missing",
                                    description = "One flat object per customer; C003's null annual_income is a "
                                            + "missing value.",
                                    value = JSON_EXAMPLE)),
                    // capitals keep Swagger UI from quoting the example as one JSON string, which it does for any
                    // media type whose name matches /json/ in lower case; media types ignore case (RFC 9110)
                    @Content(mediaType = "application/x-NDJSON", schema = @Schema(type = "string", format = "ndjson",
                            description = "One flat JSON object per line"),
                            examples = @ExampleObject(name = "customers", summary = "Three customers, one per line",
                                    description = "C003's null annual_income is a missing value.",
                                    value = NDJSON_EXAMPLE)),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class))}))
    @ApiResponse(responseCode = "201", description = "Created; Location names the dataset",
            headers = @Header(name = "Location", description = "The dataset's URL", required = true,
                    schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
    @ProblemResponses({400, 408, 409, 413, 415, 422})
    @PostMapping(consumes = {"text/csv", "application/json", "application/x-ndjson"})
    ResponseEntity<DatasetView> upload(@AuthenticationPrincipal Tenant tenant,
                                       @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                       @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
                                       @Valid @ParameterObject UploadParameters parameters,
                                       @Parameter(description = IDEMPOTENCY_KEY,
                                               schema = @Schema(minLength = 1, maxLength = IdempotentRequests.MAX_KEY_LENGTH))
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                       @Parameter(hidden = true) InputStream body) {
        requireSupported(encoding);
        UploadFormat format = UploadFormat.of(contentType, null);
        return idempotent(tenant, idempotencyKey, format + " " + encoding + " " + parameters, guarded(body),
                payload -> datasets.upload(tenant, format, parameters.delimiterChar(),
                        parameters.upload(null, limits.maxCategories()), payload));
    }

    /**
     * Documented together with {@link #upload}: OpenAPI has one operation per path and method. The form is read
     * as a stream, so the file goes to the database as it arrives instead of to a temporary file first.
     */
    @Hidden
    @Operation(operationId = "uploadDataset") // what the audit log calls it, as it calls the documented upload
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<DatasetView> uploadMultipart(@AuthenticationPrincipal Tenant tenant,
                                                @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
                                                @Valid UploadParameters parameters,
                                                @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                                String idempotencyKey,
                                                HttpServletRequest request) {
        requireSupported(encoding);
        try (InputStream body = Decompression.decode(guarded(request.getInputStream()), limits.maxSize())) {
            FileItemInputIterator parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
                    .getItemIterator(withBody(request, body));
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (!part.isFormField() && "file".equals(part.getFieldName())) {
                    UploadFormat format = UploadFormat.of(partType(part.getContentType()), part.getName());
                    try (InputStream file = part.getInputStream()) {
                        // the file part, not the form: a retried form has another boundary but the same file
                        return idempotent(tenant, idempotencyKey, format + " " + part.getName() + " " + parameters, file,
                                payload -> datasets.upload(tenant, format, parameters.delimiterChar(),
                                        parameters.upload(part.getName(), limits.maxCategories()), payload));
                    }
                }
            }
        } catch (FileUploadException e) {
            // commons-fileupload's message names its own exception classes; say what a form needs instead
            throw new InvalidInputException("Invalid multipart form", "The multipart body could not be read: it must "
                    + "be multipart/form-data whose boundary matches the Content-Type's, each part with its headers and "
                    + "the body ending with the closing boundary.");
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
        throw new InvalidInputException("Invalid multipart form", "The form has no file part named 'file'.");
    }

    @Operation(operationId = "getDataset", summary = "One dataset",
            description = "The dataset as its upload answered it: id, name, rowCount, createdAt, idColumn (the "
                    + "customer-ID column; null when customers are numbered by row) and every other column with its "
                    + "type and how many customers have no value in it. NUMERIC: every value is a number; CATEGORICAL: "
                    + "not all numbers, at most maxCategories distinct values (distinct gives how many); TEXT: more "
                    + "distinct values than that, never a feature. Not the customers themselves. 404 when the caller "
                    + "has no dataset with this ID.")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}")
    DatasetView get(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return datasets.get(tenant, id);
    }

    @Operation(operationId = "getDatasetProfile", summary = "The dataset's data profile",
            description = "Per column: count and missing; for NUMERIC columns mean, std, min, percentiles, max, skewness "
                    + "and a 20-bin histogram; for CATEGORICAL columns the 50 most frequent values. Plus the Pearson "
                    + "correlation matrix of the numeric columns (the first segmentation.profile.max-correlation-columns, "
                    + "default 50). Computed once, at upload.")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}/profile")
    DatasetProfile profile(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        return profiles.profile(tenant, id);
    }

    @Operation(operationId = "listDatasets", summary = "The caller's datasets, newest first",
            description = "Each dataset as GET /api/v1/datasets/{id} answers it (name, row count, columns and their "
                    + "types; not the customers). One page at a time: page counts from 0, size is 1 to 1000 (default "
                    + "20); the answer's page object gives number, size, totalElements and totalPages.")
    @ProblemResponses(400)
    @GetMapping
    PagedModel<DatasetView> list(@AuthenticationPrincipal Tenant tenant,
                                 @Parameter(description = "The page, from 0")
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE) int page,
                                 @Parameter(description = "Datasets per page, 1 to 1000")
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int size) {
        return new PagedModel<>(datasets.list(tenant, PageRequest.of(page, size)));
    }

    @Operation(operationId = "deleteDataset", summary = "Delete a dataset and everything derived from it",
            description = "Removes the customers, and every segmentation job, result and assignment of this dataset; "
                    + "jobs still queued or running are cancelled and removed.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ProblemResponses({400, 404})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id) {
        datasets.delete(tenant, id);
        return ResponseEntity.noContent().build();
    }

    /** The multipart form's shape, for the API description. */
    @Schema(description = "A form with the customer file in the part named file; other parts are ignored")
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The customers as CSV, a JSON array or NDJSON, optionally gzip-compressed. The format is the "
                    + "part's Content-Type (text/csv, application/json or application/x-ndjson); without one of "
                    + "these, the file name's: .json is JSON, .ndjson or .jsonl NDJSON, anything else CSV (a final .gz "
                    + "aside). The file name is the dataset's name unless the name parameter gives one.") String file) {
    }

    /** The part's type, or null when it has none or an unreadable one: the file name decides then. */
    private static MediaType partType(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static void requireSupported(String encoding) {
        if (encoding != null && !encoding.isBlank()) {
            String coding = encoding.strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("identity")) {
                throw new UnsupportedFormatException("Content-Encoding '" + encoding.strip()
                        + "' is not supported: send the body uncompressed or gzip-compressed.");
            }
        }
    }

    /** The body as it comes over the network, abandoned if it comes too slowly (see {@link ThroughputGuard}). */
    private InputStream guarded(InputStream body) {
        return new ThroughputGuard(body, limits.minThroughput(), limits.throughputWindow(), System::nanoTime);
    }

    /** The request with its body decompressed, for the multipart parser to read the form from. */
    private static HttpServletRequest withBody(HttpServletRequest request, InputStream body) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    /** Uploads once per Idempotency-Key: a retry of a stored upload answers with the dataset it created. */
    private ResponseEntity<DatasetView> idempotent(Tenant tenant, String key, String description, InputStream body,
                                                   Function<InputStream, DatasetView> upload) {
        if (key == null) {
            return created(upload.apply(body));
        }
        IdempotentRequests.Outcome<DatasetView> outcome = idempotentRequests.runStreamed(tenant, OPERATION, key,
                description, body, upload, DatasetView::id);
        if (outcome.replayed() == null) {
            return created(outcome.created());
        }
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + outcome.replayed()))
                .header(IdempotentRequests.REPLAYED_HEADER, "true")
                .body(datasets.get(tenant, outcome.replayed()));
    }

    private static ResponseEntity<DatasetView> created(DatasetView dataset) {
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.id())).body(dataset);
    }
}
