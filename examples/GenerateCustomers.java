import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the bank example: 1,000 customers drawn from four personas, so the data has real segments to find,
 * and the same bank's export a month later. Deterministic (fixed seeds). Run from the repository root with Java 25:
 *
 *   java examples/GenerateCustomers.java > examples/customers.csv
 *   java examples/GenerateCustomers.java month2 > examples/customers-month2.csv
 *
 * Personas (share; age, annual income, credit score, loan amount, investment as mean +- spread):
 *   young starters         25%; 26+-4,  38k+-8k,  640+-40,   8k+-4k,    2k+-1.5k
 *   young wealth builders  20%; 34+-5,  95k+-15k, 760+-30,  25k+-10k,  60k+-20k
 *   high loan seekers      30%; 45+-7,  62k+-12k, 600+-50, 120k+-30k,   5k+-4k
 *   established savers     25%; 63+-6,  55k+-15k, 780+-25,   3k+-3k,  180k+-50k
 * About 2% of credit scores and investments are left empty (missing), as in a real CRM export.
 *
 * A month later: the first 60 young starters (by ID) have become young wealth builders, with new values drawn from
 * that persona; every other customer whose number is a multiple of 25 has left (39); 150 new customers,
 * C01001 to C01150, have joined, all young wealth builders, so that persona is now the largest; everyone else has
 * the same values, income and investment moved by up to 1%.
 */
public class GenerateCustomers {

    record Persona(double share, double[] mean, double[] spread, double[] regionWeights) {
    }

    record Customer(int number, int persona, String row) {
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
    static final int YOUNG_STARTERS = 0;
    static final int YOUNG_WEALTH_BUILDERS = 1;
    static final int MOVERS = 60;
    static final int NEWCOMERS = 150;

    public static void main(String[] args) {
        Random random = new Random(20261123L);
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            int persona = pick(random);
            customers.add(new Customer(i, persona, row(random, i, persona)));
        }
        if (args.length > 0 && args[0].equals("month2")) {
            customers = nextMonth(customers, new Random(20261223L));
        }
        StringBuilder csv = new StringBuilder("customer_id,age,annual_income,credit_score,loan_amount,investment,region\n");
        customers.forEach(customer -> csv.append(customer.row()));
        System.out.print(csv);
    }

    static List<Customer> nextMonth(List<Customer> lastMonth, Random random) {
        List<Customer> customers = new ArrayList<>();
        int moved = 0;
        for (Customer customer : lastMonth) {
            if (customer.persona() == YOUNG_STARTERS && moved < MOVERS) {
                moved++;
                customers.add(new Customer(customer.number(), YOUNG_WEALTH_BUILDERS,
                        row(random, customer.number(), YOUNG_WEALTH_BUILDERS)));
            } else if (customer.number() % 25 != 0) {
                customers.add(new Customer(customer.number(), customer.persona(), nudged(random, customer.row())));
            }
        }
        for (int i = 1_001; i <= 1_000 + NEWCOMERS; i++) {
            customers.add(new Customer(i, YOUNG_WEALTH_BUILDERS, row(random, i, YOUNG_WEALTH_BUILDERS)));
        }
        return customers;
    }

    /** One customer of the persona, as a CSV line. */
    static String row(Random random, int number, int persona) {
        Persona drawn = PERSONAS[persona];
        double[] v = new double[5];
        for (int j = 0; j < 5; j++) {
            v[j] = Math.max(0, drawn.mean()[j] + random.nextGaussian() * drawn.spread()[j]);
        }
        long age = Math.clamp(Math.round(v[0]), 18, 90);
        long credit = Math.clamp(Math.round(v[2]), 300, 850);
        return String.format(Locale.ROOT, "C%05d,%d,%d,%s,%d,%s,%s%n", number, age, round100(v[1]),
                random.nextDouble() < 0.02 ? "" : Long.toString(credit), round100(v[3]),
                random.nextDouble() < 0.02 ? "" : Long.toString(round100(v[4])),
                REGIONS[weighted(random, drawn.regionWeights())]);
    }

    /** The same customer a month on: income and investment moved by up to 1%. */
    static String nudged(Random random, String row) {
        String[] cells = row.strip().split(",", -1);
        cells[2] = Long.toString(round100(Long.parseLong(cells[2]) * (1 + (random.nextDouble() - 0.5) / 50)));
        if (!cells[5].isEmpty()) {
            cells[5] = Long.toString(round100(Long.parseLong(cells[5]) * (1 + (random.nextDouble() - 0.5) / 50)));
        }
        return String.join(",", cells) + "\n";
    }

    static int pick(Random random) {
        double[] shares = new double[PERSONAS.length];
        for (int p = 0; p < PERSONAS.length; p++) {
            shares[p] = PERSONAS[p].share();
        }
        return weighted(random, shares);
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
