package org.customersegmentation.dataset.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.ingest.Upload;
import org.customersegmentation.dataset.storage.DatasetService;

/** The query parameters of an upload. */
record UploadParameters(
        @Parameter(description = "A name for the dataset. Default: the multipart file's name, else \"unnamed\"",
                schema = @Schema(minLength = 1, maxLength = DatasetService.MAX_NAME_LENGTH))
        String name,
        @Parameter(description = "The customer-ID column. Default: the first column named id, customer_id, customerid "
                + "or cust_id (case, _, - and spaces ignored); without one, customers are numbered 1..n by row.",
                schema = @Schema(maxLength = DatasetSchema.MAX_COLUMN_NAME_LENGTH))
        String idColumn,
        @Parameter(description = "CSV only: the field delimiter, one of , ; | or tab (also: comma, semicolon, pipe, "
                + "tab; any case; a tab character itself is read as tab too). Default: whichever of them occurs most "
                + "often in the header line.",
                schema = @Schema(allowableValues = {",", ";", "|", "comma", "semicolon", "pipe", "tab"}))
        String delimiter,
        @Parameter(description = "A column that is not all numbers is CATEGORICAL when it has at most this many "
                + "distinct values, else TEXT. Default: segmentation.upload.max-categories (50).")
        @Min(1) @Max(1000) Integer maxCategories) {

    String nameOr(String fallback) {
        return name != null ? name : fallback != null && !fallback.isBlank() ? fallback : "unnamed";
    }

    /** The delimiter asked for, or null to detect it. */
    Character delimiterChar() {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        return switch (delimiter.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab" -> '\t';
            case "|", "pipe" -> '|';
            default -> throw new InvalidInputException("Invalid request parameter",
                    "delimiter must be one of , ; | or tab (or comma, semicolon, pipe, tab).");
        };
    }

    Upload upload(String fallbackName, int defaultMaxCategories) {
        return new Upload(nameOr(fallbackName), idColumn, maxCategories != null ? maxCategories : defaultMaxCategories);
    }
}
