package org.customersegmentation.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Names segments the way an analyst would after reading their means: by the features that set each apart from
 * all customers, e.g. {@code High CASH_ADVANCE · High BALANCE · Low PURCHASES_FREQUENCY}, or
 * {@code High income · region=north}.
 *
 * <p>It reads traits: first the numeric features, then categorical values named {@code feature=value}, each with
 * a z-score (for a value, that of its 0/1 indicator). A numeric feature can stand out high or low; a categorical
 * value only by being over-represented.
 */
final class SegmentLabeler {

    /** A feature distinguishes a segment when its members' mean is at least this many standard deviations off. */
    static final double DISTINGUISHING_Z = 0.5;
    static final int LABEL_FEATURES = 3;
    static final String TYPICAL = "Typical customers";

    private SegmentLabeler() {
    }

    /**
     * The traits at least {@link #DISTINGUISHING_Z} off (numeric features either way, categorical values above),
     * strongest first, ties in trait order.
     *
     * @param numeric how many of the traits, from the first, are numeric features
     */
    static List<String> distinguishing(List<String> traits, int numeric, double[] zScores) {
        return strongest(numeric, zScores).stream().map(traits::get).toList();
    }

    private static List<Integer> strongest(int numeric, double[] zScores) {
        return IntStream.range(0, zScores.length)
                .filter(j -> (j < numeric ? Math.abs(zScores[j]) : zScores[j]) >= DISTINGUISHING_Z)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -Math.abs(zScores[j])).thenComparingInt(j -> j))
                .toList();
    }

    /**
     * One label per segment, in segment order, from up to three of its strongest distinguishing traits: "High" or
     * "Low" and a numeric feature's name, or a categorical {@code feature=value}. Segments whose labels would
     * collide get more of their traits, and, should they still collide, their segment number.
     */
    static List<String> labels(List<String> traits, int numeric, List<double[]> zScores) {
        int k = zScores.size();
        List<List<String>> parts = new ArrayList<>();
        for (double[] z : zScores) {
            parts.add(strongest(numeric, z).stream()
                    .map(j -> j >= numeric ? traits.get(j) : (z[j] > 0 ? "High " : "Low ") + traits.get(j))
                    .toList());
        }
        int[] used = new int[k];
        for (int segment = 0; segment < k; segment++) {
            used[segment] = Math.min(LABEL_FEATURES, parts.get(segment).size());
        }
        List<String> labels = build(parts, used);
        for (boolean grew = true; grew; ) {
            grew = false;
            Map<String, Integer> counts = counts(labels);
            for (int segment = 0; segment < k; segment++) {
                if (counts.get(labels.get(segment)) > 1 && used[segment] < parts.get(segment).size()) {
                    used[segment]++;
                    grew = true;
                }
            }
            labels = build(parts, used);
        }
        Map<String, Integer> counts = counts(labels);
        List<String> unique = new ArrayList<>(k);
        for (int segment = 0; segment < k; segment++) {
            String label = labels.get(segment);
            unique.add(counts.get(label) > 1 ? label + " (segment " + segment + ")" : label);
        }
        return unique;
    }

    private static List<String> build(List<List<String>> parts, int[] used) {
        List<String> labels = new ArrayList<>(parts.size());
        for (int segment = 0; segment < parts.size(); segment++) {
            labels.add(used[segment] == 0 ? TYPICAL : String.join(" · ", parts.get(segment).subList(0, used[segment])));
        }
        return labels;
    }

    private static Map<String, Integer> counts(List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        return counts;
    }
}
