package org.customersegmentation.dataset.ingest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
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
 * @param maxConcurrent uploads streaming at once on this instance, whatever their tenant; each holds a database
 *                      connection until it is stored (a tenant's own limit is in segmentation.limits)
 * @param minThroughput the slowest an upload may arrive, per second, averaged over each throughputWindow
 * @param throughputWindow how long an upload's speed is averaged over before it is checked
 */
@Validated
@ConfigurationProperties("segmentation.upload")
public record UploadProperties(@DefaultValue("200MB") DataSize maxSize,
                        @DefaultValue("500") @Min(1) @Max(1500) int maxColumns,
                        @DefaultValue("50") @Min(1) int maxCategories,
                        @DefaultValue("4") @Min(1) int maxConcurrent,
                        @DefaultValue("64KB") DataSize minThroughput,
                        @DefaultValue("30s") Duration throughputWindow) {

    @AssertTrue(message = "segmentation.upload.max-size must be positive")
    boolean isMaxSizePositive() {
        return maxSize.toBytes() > 0;
    }

    @AssertTrue(message = "segmentation.upload.min-throughput must be positive, and throughput-window at least a second")
    boolean isThroughputCheckable() {
        return minThroughput.toBytes() > 0 && throughputWindow.compareTo(Duration.ofSeconds(1)) >= 0;
    }
}
