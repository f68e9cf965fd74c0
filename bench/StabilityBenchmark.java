import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.engine.RunControl;
import org.customersegmentation.engine.SegmentationEngine;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.engine.Stability;

/**
 * What measuring stability costs: the engine as a job runs it (in a fork-join pool of the job's parallelism), with
 * and without {@code stability}, on generated customers in Gaussian groups. Runs alternate, after one warm-up of each.
 * Usage: java -cp target/classes:deps bench/StabilityBenchmark.java rows features groups resamples runs [kMin kMax]
 */
public class StabilityBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int features = Integer.parseInt(args[1]);
        int groups = Integer.parseInt(args[2]);
        int resamples = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Integer kMin = args.length > 5 ? Integer.parseInt(args[5]) : null;
        int kMax = args.length > 6 ? Integer.parseInt(args[6]) : groups;
        FeatureMatrix matrix = groups(rows, features, groups);
        int parallelism = Runtime.getRuntime().availableProcessors();
        Supplier<SegmentationOutcome> off = () -> run(matrix, kMin, kMax, groups, Stability.OFF);
        Supplier<SegmentationOutcome> on = () -> run(matrix, kMin, kMax, groups, new Stability(resamples));
        time(parallelism, off);
        time(parallelism, on);
        double[] offSeconds = new double[runs];
        double[] onSeconds = new double[runs];
        SegmentationOutcome measured = null;
        for (int run = 0; run < runs; run++) {
            offSeconds[run] = time(parallelism, off);
            long started = System.nanoTime();
            measured = within(parallelism, on);
            onSeconds[run] = (System.nanoTime() - started) / 1e9;
            System.out.printf("run %d: off %.2f s, stability %.2f s%n", run + 1, offSeconds[run], onSeconds[run]);
        }
        System.out.printf("%d x %d, %s, %d resamples, parallelism %d: off median %.2f s (%.2f-%.2f), stability median "
                        + "%.2f s (%.2f-%.2f), ratio %.2f; k = %d, stabilities %s%n", rows, features,
                kMin == null ? "k = " + groups : "k " + kMin + ".." + kMax, resamples, parallelism, median(offSeconds),
                min(offSeconds), max(offSeconds), median(onSeconds), min(onSeconds), max(onSeconds),
                median(onSeconds) / median(offSeconds), measured.segments().size(),
                Arrays.toString(Arrays.stream(measured.stability()).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
    }

    private static SegmentationOutcome run(FeatureMatrix matrix, Integer kMin, int kMax, int k, Stability stability) {
        Fitting fitting = Fitting.restarts(10);
        return kMin == null
                ? SegmentationEngine.segment(matrix, Preprocessing.DEFAULT, k, fitting, 42, stability, new RunControl())
                : SegmentationEngine.segment(matrix, Preprocessing.DEFAULT, kMin, kMax, KSelectionMethod.SILHOUETTE, 0,
                        fitting, 42, stability, new RunControl());
    }

    private static double time(int parallelism, Supplier<SegmentationOutcome> work) throws Exception {
        long started = System.nanoTime();
        within(parallelism, work);
        return (System.nanoTime() - started) / 1e9;
    }

    private static SegmentationOutcome within(int parallelism, Supplier<SegmentationOutcome> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return CompletableFuture.supplyAsync(work, pool).get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Gaussian groups of equal expected size, centres uniform in 0..10 per feature, standard deviation 1.5. */
    private static FeatureMatrix groups(int rows, int features, int groups) {
        SplittableRandom random = new SplittableRandom(1);
        double[][] centres = new double[groups][features];
        for (double[] centre : centres) {
            for (int j = 0; j < features; j++) {
                centre[j] = random.nextDouble() * 10;
            }
        }
        double[][] values = new double[rows][features];
        for (double[] row : values) {
            double[] centre = centres[random.nextInt(groups)];
            for (int j = 0; j < features; j++) {
                double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                row[j] = centre[j] + 1.5 * gaussian;
            }
        }
        List<String> names = IntStream.range(0, features).mapToObj(j -> "f" + j).toList();
        return new FeatureMatrix(names, values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
