import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.clustering.BBDTree;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The baseline of the job benchmarks: one Smile KMeans.fit (k-means++ and Lloyd on a BBD tree built for it) on the
 * same CSV, prepared as the service's defaults prepare it: an ID column first (a header ending in "ID") is left
 * out, a missing value is the column's median, and every column is z-scored.
 * Usage: java -cp smile KMeansFitBaseline.java file k runs
 */
public class KMeansFitBaseline {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int skip = reader.readLine().split(",")[0].toUpperCase().endsWith("ID") ? 1 : 0;
            for (String line; (line = reader.readLine()) != null; ) {
                rows.add(Arrays.stream(line.split(",", -1)).skip(skip)
                        .mapToDouble(value -> value.isEmpty() ? Double.NaN : Double.parseDouble(value)).toArray());
            }
        }
        double[][] x = rows.toArray(double[][]::new);
        int d = x[0].length;
        for (int j = 0; j < d; j++) {
            int column = j;
            double[] present = Arrays.stream(x).mapToDouble(row -> row[column]).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = present.length % 2 == 1 ? present[present.length / 2]
                    : (present[present.length / 2 - 1] + present[present.length / 2]) / 2;
            double mean = 0;
            for (double[] row : x) {
                if (Double.isNaN(row[j])) {
                    row[j] = median;
                }
                mean += row[j];
            }
            mean /= x.length;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(squares / x.length);
            for (double[] row : x) {
                row[j] = std > 0 ? (row[j] - mean) / std : 0;
            }
        }
        for (int run = 1; run <= runs; run++) {
            MathEx.setSeed(run);
            long start = System.nanoTime();
            var fit = KMeans.fit(new BBDTree(x), x, new Clustering.Options(k, 100));
            long total = System.nanoTime() - start;
            System.out.printf("run %d: KMeans.fit with its BBD tree, %d x %d, k=%d: %d ms (distortion %.1f)%n", run, x.length,
                    d, k, total / 1_000_000, Arrays.stream(fit.proximity()).sum());
        }
    }
}
