package org.customersegmentation.dataset.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of an upload.
 *
 * @param maxSize       the largest body accepted, counted after gzip decompression
 * @param maxColumns    the most columns an upload may have
 * @param maxCategories default of the upload parameter of the same name
 * @param maxConcurrent uploads streaming at once; each holds a database connection until it is stored
 */
@Validated
@ConfigurationProperties("segmentation.upload")
public record UploadProperties(@DefaultValue("200MB") DataSize maxSize,
                        @DefaultValue("500") @Min(1) @Max(1500) int maxColumns,
                        @DefaultValue("50") @Min(1) int maxCategories,
                        @DefaultValue("4") @Min(1) int maxConcurrent) {
}
