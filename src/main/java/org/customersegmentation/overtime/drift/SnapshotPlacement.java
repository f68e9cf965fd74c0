package org.customersegmentation.overtime.drift;

import java.util.List;
import java.util.Map;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.SegmentModel;

/**
 * Every customer of a snapshot placed in its nearest segment, as {@link SegmentModel#place} would place it, but
 * straight from the column arrays into one reused point: a million calls of {@code place} would allocate two arrays
 * and box every category each.
 *
 * @param counts        customers per segment
 * @param meanDistance  their mean distance to their segment's centre, in the clustering space
 */
record SnapshotPlacement(long[] counts, double meanDistance) {

    static SnapshotPlacement of(SegmentModel model, CustomerFeatures snapshot) {
        int d = model.features().size();
        int[] columns = new int[d];
        for (int j = 0; j < d; j++) {
            columns[j] = snapshot.numeric().indexOf(model.features().get(j));
        }
        List<OneHotEncoding> encodings = model.oneHot();
        int[][] hotOfCode = new int[encodings.size()][];
        int[][] codes = new int[encodings.size()][];
        int[] imputedHot = new int[encodings.size()];
        for (int c = 0; c < encodings.size(); c++) {
            OneHotEncoding encoding = encodings.get(c);
            CustomerFeatures.Categorical column = snapshot.categoricals().stream()
                    .filter(candidate -> candidate.name().equals(encoding.feature())).findFirst().orElseThrow();
            hotOfCode[c] = encoding.positionsOf(column.dictionary()); // -1 for a value training never saw
            codes[c] = column.codes();
            imputedHot[c] = encoding.values().indexOf(encoding.imputed());
        }
        double[][] centroids = model.centroids();
        double[] point = new double[centroids[0].length];
        long[] counts = new long[centroids.length];
        double distanceSum = 0;
        double[][] values = snapshot.values();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < d; j++) {
                double value = values[i][columns[j]];
                if (model.logged()[j]) {
                    if (value < 0) {
                        throw negative(model.features().get(j), snapshot.customerIds()[i]);
                    }
                    value = Math.log1p(value);
                }
                point[j] = ((Double.isNaN(value) ? model.imputed()[j] : value) - model.centers()[j]) / model.scales()[j];
            }
            int offset = d;
            for (int c = 0; c < encodings.size(); c++) {
                int code = codes[c][i];
                encodings.get(c).write(code == CustomerFeatures.MISSING ? imputedHot[c] : hotOfCode[c][code], point, offset);
                offset += encodings.get(c).width();
            }
            int nearest = 0;
            double nearestSquares = Double.POSITIVE_INFINITY;
            for (int segment = 0; segment < centroids.length; segment++) {
                double[] centroid = centroids[segment];
                double squares = 0;
                for (int x = 0; x < point.length; x++) {
                    double difference = point[x] - centroid[x];
                    squares += difference * difference;
                }
                if (squares < nearestSquares) {
                    nearestSquares = squares;
                    nearest = segment;
                }
            }
            counts[nearest]++;
            distanceSum += Math.sqrt(nearestSquares);
        }
        return new SnapshotPlacement(counts, values.length == 0 ? 0 : distanceSum / values.length);
    }

    private static InvalidInputException negative(String feature, String customerId) {
        return new InvalidInputException("Dataset cannot be scored", "Customer " + customerId + " has a negative '"
                + feature + "'; the segmentation log-transforms it, which needs values of 0 or more. Fix the dataset, "
                + "or check drift against a segmentation without the log transform.",
                Map.of("parameter", "datasetId", "feature", feature));
    }
}
