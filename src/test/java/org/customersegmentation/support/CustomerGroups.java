package org.customersegmentation.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated customers in well-separated groups whose membership the test knows: each group is a tight Gaussian
 * blob around its own centre in age, income and score, far from the others in every feature.
 */
public final class CustomerGroups {

    public static final List<String> FEATURES = List.of("age", "income", "score");

    /** @param values per customer, age, income and score; NaN where the CSV leaves the cell empty */
    public record Customer(String id, int group, double[] values) {
    }

    private final List<Customer> customers;

    private CustomerGroups(List<Customer> customers) {
        this.customers = customers;
    }

    /**
     * @param sizes             customers per group; give distinct sizes to know the segment numbering in advance
     * @param missingIncomeEvery in group 0 only, every n-th customer has no income (0 for none); group 0 must hold
     *                           more than half the customers so the imputed median lies inside it
     */
    public static CustomerGroups generate(long seed, int[] sizes, int missingIncomeEvery) {
        double[][] centres = {{30, 30_000, 300}, {65, 95_000, 750}, {45, 160_000, 520}, {22, 210_000, 850}};
        double[] spread = {1.5, 2_000, 15};
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        for (int group = 0; group < sizes.length; group++) {
            for (int i = 0; i < sizes[group]; i++) {
                double[] values = new double[3];
                for (int j = 0; j < 3; j++) {
                    values[j] = Math.round((centres[group][j] + random.nextGaussian() * spread[j]) * 100) / 100.0;
                }
                if (group == 0 && missingIncomeEvery > 0 && i % missingIncomeEvery == 0) {
                    values[1] = Double.NaN;
                }
                customers.add(new Customer("CUST-" + group + "-" + i, group, values));
            }
        }
        // Interleave the groups so that row order says nothing about membership.
        java.util.Collections.shuffle(customers, random);
        return new CustomerGroups(customers);
    }

    public List<Customer> customers() {
        return customers;
    }

    /** A CRM-like CSV: ID column, the three numeric features, and the group's {@link #region}. */
    public String csv() {
        StringBuilder csv = new StringBuilder("customer_id,age,income,score,region\n");
        for (Customer customer : customers) {
            csv.append(customer.id());
            for (double value : customer.values()) {
                csv.append(',').append(Double.isNaN(value) ? "" : Double.toString(value));
            }
            csv.append(',').append(region(customer.group())).append('\n');
        }
        return csv.toString();
    }

    /** A categorical feature that groups share: north for even groups, south for odd ones. */
    public static String region(int group) {
        return group % 2 == 0 ? "north" : "south";
    }

    public Map<String, Integer> groupOfCustomer() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        customers.forEach(customer -> groups.put(customer.id(), customer.group()));
        return groups;
    }

    /** The present values of one feature over one group's members. */
    public double[] values(int group, int feature) {
        return customers.stream()
                .filter(customer -> customer.group() == group)
                .mapToDouble(customer -> customer.values()[feature])
                .filter(value -> !Double.isNaN(value))
                .toArray();
    }

    /**
     * The mean of one feature over one group after every missing value has been replaced by the median of the
     * feature's present values over all customers: where a k-means centre of exactly that group must land.
     */
    public double imputedMean(int group, int feature) {
        double[] present = customers.stream().mapToDouble(customer -> customer.values()[feature])
                .filter(value -> !Double.isNaN(value)).sorted().toArray();
        int middle = present.length / 2;
        double median = present.length % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
        return customers.stream()
                .filter(customer -> customer.group() == group)
                .mapToDouble(customer -> Double.isNaN(customer.values()[feature]) ? median : customer.values()[feature])
                .average().orElseThrow();
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
