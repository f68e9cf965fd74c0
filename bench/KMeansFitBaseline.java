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
 * The baseline of the job benchmark: one Smile KMeans.fit (k-means++ and Lloyd on a BBD tree built for it) on the
 * same CSV, z-scored, as the service's single fit would see it. Usage: java -cp smile KMeansFitBaseline.java file k runs
 */
public class KMeansFitBaseline {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        double[][] x = rows.toArray(double[][]::new);
        int d = x[0].length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= x.length;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(squares / x.length);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / std;
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
