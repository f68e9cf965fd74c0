import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the upload benchmark's input: a header f1..fC and R rows of C numbers with four decimals, the same
 * file for the same arguments. Usage: java GenerateBenchmarkCsv.java out.csv [rows] [columns]
 */
public class GenerateBenchmarkCsv {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int columns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                line.append(c > 1 ? "," : "").append('f').append(c);
            }
            writer.write(line.append('\n').toString());
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < columns; c++) {
                    double value = 50 + 10 * c + 15 * (random.nextDouble() + random.nextDouble() - 1);
                    line.append(c > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4f", value));
                }
                writer.write(line.append('\n').toString());
            }
        }
    }
}
