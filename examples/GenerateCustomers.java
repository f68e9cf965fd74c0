import java.util.Locale;
import java.util.Random;

/**
 * Generates examples/customers.csv: 1,000 bank customers drawn from four personas, so the data has real segments
 * to find. Deterministic (fixed seed). Run from the repository root with Java 25:
 *
 *   java examples/GenerateCustomers.java > examples/customers.csv
 *
 * Personas (share; age, annual income, credit score, loan amount, investment as mean +- spread):
 *   young starters         25%; 26+-4,  38k+-8k,  640+-40,   8k+-4k,    2k+-1.5k
 *   young wealth builders  20%; 34+-5,  95k+-15k, 760+-30,  25k+-10k,  60k+-20k
 *   high loan seekers      30%; 45+-7,  62k+-12k, 600+-50, 120k+-30k,   5k+-4k
 *   established savers     25%; 63+-6,  55k+-15k, 780+-25,   3k+-3k,  180k+-50k
 * About 2% of credit scores and investments are left empty (missing), as in a real CRM export.
 */
public class GenerateCustomers {

    record Persona(double share, double[] mean, double[] spread, double[] regionWeights) {
    }

    static final Persona[] PERSONAS = {
            new Persona(0.25, new double[] {26, 38_000, 640, 8_000, 2_000}, new double[] {4, 8_000, 40, 4_000, 1_500},
                    new double[] {0.2, 0.2, 0.4, 0.2}),
            new Persona(0.20, new double[] {34, 95_000, 760, 25_000, 60_000}, new double[] {5, 15_000, 30, 10_000, 20_000},
                    new double[] {0.15, 0.15, 0.2, 0.5}),
            new Persona(0.30, new double[] {45, 62_000, 600, 120_000, 5_000}, new double[] {7, 12_000, 50, 30_000, 4_000},
                    new double[] {0.4, 0.3, 0.15, 0.15}),
            new Persona(0.25, new double[] {63, 55_000, 780, 3_000, 180_000}, new double[] {6, 15_000, 25, 3_000, 50_000},
                    new double[] {0.25, 0.45, 0.15, 0.15}),
    };
    static final String[] REGIONS = {"north", "south", "east", "west"};

    public static void main(String[] args) {
        Random random = new Random(20261123L);
        StringBuilder csv = new StringBuilder("customer_id,age,annual_income,credit_score,loan_amount,investment,region\n");
        for (int i = 1; i <= 1_000; i++) {
            Persona persona = pick(random);
            double[] v = new double[5];
            for (int j = 0; j < 5; j++) {
                v[j] = Math.max(0, persona.mean()[j] + random.nextGaussian() * persona.spread()[j]);
            }
            long age = Math.clamp(Math.round(v[0]), 18, 90);
            long credit = Math.clamp(Math.round(v[2]), 300, 850);
            csv.append(String.format(Locale.ROOT, "C%05d,%d,%d,%s,%d,%s,%s%n", i, age, round100(v[1]),
                    random.nextDouble() < 0.02 ? "" : Long.toString(credit), round100(v[3]),
                    random.nextDouble() < 0.02 ? "" : Long.toString(round100(v[4])),
                    REGIONS[weighted(random, persona.regionWeights())]));
        }
        System.out.print(csv);
    }

    static Persona pick(Random random) {
        double[] shares = new double[PERSONAS.length];
        for (int p = 0; p < PERSONAS.length; p++) {
            shares[p] = PERSONAS[p].share();
        }
        return PERSONAS[weighted(random, shares)];
    }

    static int weighted(Random random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static long round100(double value) {
        return Math.round(value / 100) * 100;
    }
}
