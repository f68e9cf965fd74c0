import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes data that looks like customers: R rows drawn with replacement from a CSV whose first column is an ID
 * (src/test/resources/datasets/cc-general.csv: skewed, correlated, with missing values), each numeric value times
 * (1 + N(0, 0.05)) and missing values left missing, under new IDs C0000001... The same file for the same arguments.
 * Usage: java GenerateRealisticCsv.java source.csv out.csv [rows]
 */
public class GenerateRealisticCsv {

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        String[][] source = lines.stream().skip(1).map(line -> line.split(",", -1)).toArray(String[][]::new);
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            writer.write(lines.getFirst() + "\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                String[] drawn = source[random.nextInt(source.length)];
                line.setLength(0);
                line.append(String.format(Locale.ROOT, "C%07d", r + 1));
                for (int c = 1; c < drawn.length; c++) {
                    line.append(',');
                    if (!drawn[c].isEmpty()) {
                        double value = Double.parseDouble(drawn[c]) * (1 + 0.05 * random.nextGaussian());
                        line.append(String.format(Locale.ROOT, "%.6g", value));
                    }
                }
                writer.write(line.append('\n').toString());
            }
        }
    }
}
