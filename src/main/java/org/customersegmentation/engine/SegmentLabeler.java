package org.customersegmentation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Names segments the way an analyst would after reading their means: by the features that set each apart from
 * all customers, e.g. {@code High CASH_ADVANCE · High BALANCE · Low PURCHASES_FREQUENCY}.
 */
final class SegmentLabeler {

    /** A feature distinguishes a segment when its members' mean is at least this many standard deviations off. */
    static final double DISTINGUISHING_Z = 0.5;
    static final int LABEL_FEATURES = 3;
    static final String TYPICAL = "Typical customers";

    private SegmentLabeler() {
    }

    /** The features with |z| of at least {@link #DISTINGUISHING_Z}, strongest first, ties in feature order. */
    static List<String> distinguishing(List<String> features, double[] zScores) {
        return IntStream.range(0, features.size())
                .filter(j -> Math.abs(zScores[j]) >= DISTINGUISHING_Z)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -Math.abs(zScores[j])).thenComparingInt(j -> j))
                .map(features::get)
                .toList();
    }

    /**
     * One label per segment, in segment order: "High"/"Low" and the name of up to three of its strongest
     * distinguishing features. Segments whose labels would collide get more of their features, and, should
     * they still collide, their segment number.
     */
    static List<String> labels(List<String> features, List<double[]> zScores) {
        int k = zScores.size();
        List<List<String>> parts = new ArrayList<>();
        for (double[] z : zScores) {
            parts.add(distinguishing(features, z).stream()
                    .map(feature -> (z[features.indexOf(feature)] > 0 ? "High " : "Low ") + feature)
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
