import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the benchmarks' input: a header f1..fC and R rows of C numbers with four decimals, the same file for the
 * same arguments. With S segments (default 0) the rows come from S Gaussian groups of unequal sizes, as customers
 * do; with none, every value is drawn from one smooth hump per column and the data has no segments at all.
 * Usage: java GenerateBenchmarkCsv.java out.csv [rows] [columns] [segments]
 */
public class GenerateBenchmarkCsv {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int columns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int segments = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        SplittableRandom random = new SplittableRandom(42);
        double[][] centres = new double[segments][columns];
        for (double[] centre : centres) {
            for (int c = 0; c < columns; c++) {
                centre[c] = 100 * random.nextDouble();
            }
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                line.append(c > 1 ? "," : "").append('f').append(c);
            }
            writer.write(line.append('\n').toString());
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                // segment s is drawn with weight s + 1: sizes from 1/36 to 8/36 of the rows for eight segments
                int segment = segments == 0 ? -1 : weighted(random, segments);
                for (int c = 0; c < columns; c++) {
                    double value = segment >= 0 ? centres[segment][c] + 10 * random.nextGaussian()
                            : 50 + 10 * c + 15 * (random.nextDouble() + random.nextDouble() - 1);
                    line.append(c > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4f", value));
                }
                writer.write(line.append('\n').toString());
            }
        }
    }

    private static int weighted(SplittableRandom random, int segments) {
        int draw = random.nextInt(segments * (segments + 1) / 2);
        int segment = 0;
        while (draw >= segment + 1) {
            draw -= segment + 1;
            segment++;
        }
        return segment;
    }
}
