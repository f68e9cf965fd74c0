package org.customersegmentation.engine.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.customersegmentation.engine.CategoricalColumn;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.engine.kmeans.ParallelTasks;

/**
 * Makes features ready for clustering, as a scikit-learn pipeline would: for numeric features an optional log1p
 * transform, imputation of missing values (median or mean of the present ones), then scaling (standard, min-max,
 * robust or none); categorical features are imputed with their most frequent value and one-hot encoded (see
 * {@link org.customersegmentation.engine.OneHotEncoding}).
 */
public final class Preprocessor {

    private Preprocessor() {
    }

    public static PreparedFeatures prepare(FeatureMatrix matrix, Preprocessing options) {
        int n = matrix.rowCount();
        int d = matrix.featureCount();
        double[] imputed = new double[d];
        double[] centers = new double[d];
        double[] scales = new double[d];
        boolean[] logged = new boolean[d];
        List<int[]> counts = matrix.categoricals().stream().map(Preprocessor::counts).toList();
        List<List<String>> vocabularies = new ArrayList<>();
        int width = d;
        for (int c = 0; c < counts.size(); c++) {
            vocabularies.add(vocabulary(matrix.categoricals().get(c), counts.get(c)));
            width += vocabularies.get(c).size();
        }
        double[][] scaled = new double[n][width];

        // features side by side: each sorts its column for the median; a failure is reported for the first
        // failing feature, as one after the other would
        List<Object> prepared = ParallelTasks.map(d, j -> {
            try {
                return prepareNumeric(matrix, j, options, scaled);
            } catch (EngineException e) {
                return e;
            }
        });
        double varianceSum = 0;
        int varying = 0;
        for (int j = 0; j < d; j++) {
            if (prepared.get(j) instanceof EngineException e) {
                throw e;
            }
            NumericFeature feature = (NumericFeature) prepared.get(j);
            imputed[j] = feature.imputed();
            centers[j] = feature.center();
            scales[j] = feature.scale();
            logged[j] = feature.logged();
            if (feature.variance() > 0) {
                varianceSum += feature.variance();
                varying++;
            }
        }

        double numericVariance = varying > 0 ? varianceSum / varying : 1;
        List<OneHotEncoding> encodings = new ArrayList<>();
        int offset = d;
        for (int c = 0; c < counts.size(); c++) {
            CategoricalColumn column = matrix.categoricals().get(c);
            OneHotEncoding encoding = encoding(column, counts.get(c), vocabularies.get(c), numericVariance);
            fill(scaled, offset, column, encoding);
            encodings.add(encoding);
            offset += encoding.width();
        }
        return new PreparedFeatures(scaled, imputed, centers, scales, logged, encodings);
    }

    private record NumericFeature(double imputed, double center, double scale, boolean logged, double variance) {
    }

    /** Transforms, imputes and scales numeric feature {@code j} into column {@code j} of {@code scaled}. */
    private static NumericFeature prepareNumeric(FeatureMatrix matrix, int j, Preprocessing options, double[][] scaled) {
        int n = matrix.rowCount();
        String feature = matrix.features().get(j);
        double[] column = column(matrix.rows(), j);
        boolean logged = options.logTransform().contains(feature);
        if (logged) {
            for (int i = 0; i < n; i++) {
                if (column[i] < 0) {
                    throw new EngineException("Feature '" + feature + "' has negative values; log1p applies only to "
                            + "features without them.");
                }
                column[i] = Math.log1p(column[i]); // NaN stays NaN
            }
        }
        double[] present = Arrays.stream(column).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            throw new EngineException("Feature '" + feature + "' has no values: every customer is missing it.");
        }
        double imputed = options.missingValues() == Preprocessing.Imputation.MEAN ? plainMean(present)
                : Quantiles.of(present, 0.5);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(column[i])) {
                column[i] = imputed;
            }
        }
        double[] centerAndScale = centerAndScale(column, options.scaling());
        // A constant feature carries no information; a scale of 1 keeps it constant instead of dividing by zero.
        double scale = centerAndScale[1] > 0 ? centerAndScale[1] : 1;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            scaled[i][j] = (column[i] - centerAndScale[0]) / scale;
            sum += scaled[i][j];
            squares += scaled[i][j] * scaled[i][j];
        }
        return new NumericFeature(imputed, centerAndScale[0], scale, logged, squares / n - (sum / n) * (sum / n));
    }

    /** The values a categorical feature takes, most frequent first (ties in text order). */
    private static List<String> vocabulary(CategoricalColumn column, int[] counts) {
        List<String> values = IntStream.range(0, counts.length).filter(code -> counts[code] > 0).boxed()
                .sorted(Comparator.comparingInt((Integer code) -> -counts[code])
                        .thenComparing(code -> column.values().get(code)))
                .map(column.values()::get)
                .toList();
        if (values.isEmpty()) {
            throw new EngineException("Feature '" + column.name() + "' has no values: every customer is missing it.");
        }
        return values;
    }

    /**
     * Centres each indicator on its mean, the value's share p (the missing values counted as the most frequent,
     * which fills them), and divides all of the feature's indicators by one scale s, so that their variances add
     * up to {@code numericVariance}, the mean variance of the scaled numeric features (1 for standard scaling):
     * sum of p(1 - p) / s^2 = numericVariance. However many values it has, a categorical feature then adds as
     * much to the customers' spread as a typical numeric feature.
     */
    private static OneHotEncoding encoding(CategoricalColumn column, int[] counts, List<String> values,
                                           double numericVariance) {
        int missing = column.codes().length - Arrays.stream(counts).sum();
        int[] position = OneHotEncoding.positions(values, column.values());
        double[] shares = new double[values.size()];
        for (int code = 0; code < counts.length; code++) {
            if (position[code] >= 0) {
                shares[position[code]] += counts[code];
            }
        }
        shares[0] += missing;
        double variance = 0;
        for (int v = 0; v < shares.length; v++) {
            shares[v] /= column.codes().length;
            variance += shares[v] * (1 - shares[v]);
        }
        double scale = variance > 0 ? Math.sqrt(variance / numericVariance) : 1;
        return new OneHotEncoding(column.name(), values, shares, scale, values.getFirst());
    }

    private static void fill(double[][] scaled, int offset, CategoricalColumn column, OneHotEncoding encoding) {
        int[] position = encoding.positionsOf(column.values());
        for (int i = 0; i < scaled.length; i++) {
            int code = column.codes()[i];
            // a missing value is the imputed one, which comes first
            encoding.write(code == CategoricalColumn.MISSING ? 0 : position[code], scaled[i], offset);
        }
    }

    private static int[] counts(CategoricalColumn column) {
        int[] counts = new int[column.values().size()];
        for (int code : column.codes()) {
            if (code != CategoricalColumn.MISSING) {
                counts[code]++;
            }
        }
        return counts;
    }

    /** The value subtracted and the divisor of each scaling, over the imputed column. */
    private static double[] centerAndScale(double[] column, Preprocessing.Scaling scaling) {
        return switch (scaling) {
            case STANDARD -> {
                double mean = plainMean(column);
                double squares = 0;
                for (double value : column) {
                    squares += (value - mean) * (value - mean);
                }
                yield new double[] {mean, Math.sqrt(squares / column.length)};
            }
            case MINMAX -> {
                double min = Arrays.stream(column).min().orElseThrow();
                yield new double[] {min, Arrays.stream(column).max().orElseThrow() - min};
            }
            case ROBUST -> {
                double[] values = column.clone();
                yield new double[] {Quantiles.of(values, 0.5), Quantiles.of(values, 0.75) - Quantiles.of(values, 0.25)};
            }
            case NONE -> new double[] {0, 1};
        };
    }

    /**
     * A left-to-right sum divided by the count. Not DoubleStream.average(), whose compensated summation differs in
     * the last bits: a job must give the same numbers as the same job did before.
     */
    private static double plainMean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The median of the non-missing values, or NaN when every value is missing. */
    public static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return present.length == 0 ? Double.NaN : Quantiles.of(present, 0.5);
    }

    private static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }
}
