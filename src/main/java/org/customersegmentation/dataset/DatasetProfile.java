package org.customersegmentation.dataset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.customersegmentation.web.NullableValues;

/**
 * What a data scientist looks at before segmenting: per column, how complete it is and how its values are
 * distributed, and how the numeric columns correlate.
 *
 * @param correlation Pearson correlations of the NUMERIC columns, each pair over the customers that have both
 *                    values (as pandas' {@code DataFrame.corr()}); null where a column is constant
 */
public record DatasetProfile(int rowCount, List<ColumnProfile> columns, @Schema(nullable = true) Correlation correlation) {

    /**
     * @param count    customers with a value
     * @param distinct distinct values of a CATEGORICAL column
     * @param numeric  the distribution of a NUMERIC column that has values
     * @param values   a CATEGORICAL column's values with their counts, most frequent first (at most 50)
     */
    public record ColumnProfile(String name, ColumnType type, long count, long missing,
                                @Schema(nullable = true) Integer distinct,
                                @Schema(nullable = true) NumericSummary numeric,
                                @Schema(nullable = true) List<ValueCount> values) {
    }

    /**
     * Percentiles interpolate linearly between order statistics (pandas' and PostgreSQL's
     * {@code percentile_cont}); {@code std} is the sample standard deviation and {@code skewness} the adjusted
     * Fisher-Pearson coefficient (pandas' {@code skew()}); each is null when too few values define it.
     */
    public record NumericSummary(double mean, @Schema(nullable = true) Double std, double min, double p25, double median,
                                 double p75, double max, @Schema(nullable = true) Double skewness, Histogram histogram) {
    }

    /**
     * Twenty equal-width bins from min to max, the last one closed; a constant column gets bins around its
     * value. {@code edges} has one more entry than {@code counts}.
     */
    public record Histogram(double[] edges, long[] counts) {
    }

    public record ValueCount(String value, long count) {
    }

    public record Correlation(List<String> columns, @NullableValues Double[][] matrix) {
    }
}
