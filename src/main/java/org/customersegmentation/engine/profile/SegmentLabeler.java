package org.customersegmentation.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customersegmentation.engine.SegmentProfile.Trait;

/**
 * Names segments the way an analyst would after reading their means: by the features that set each apart from
 * all customers, e.g. {@code High CASH_ADVANCE · High BALANCE · Low PURCHASES_FREQUENCY}, or
 * {@code High income · region=north}. A numeric feature can stand out high or low; a categorical value only by
 * being over-represented.
 */
final class SegmentLabeler {

    static final int LABEL_TRAITS = 3;
    /** Mild traits are kept only when nothing stronger sets a segment apart, and then only this many. */
    static final int MILD_TRAITS = 3;
    static final String TYPICAL = "Typical customers";

    private SegmentLabeler() {
    }

    /**
     * The traits at least {@link Trait#STRONG_Z} off (numeric features either way, categorical values above),
     * strongest first, ties in candidate order; when there is none, the {@link #MILD_TRAITS} strongest at least
     * {@link Trait#MILD_Z} off.
     *
     * @param candidates every numeric feature, then every categorical value
     */
    static List<Trait> distinguishing(List<Trait> candidates) {
        List<Trait> strong = atLeast(candidates, Trait.STRONG_Z);
        return strong.isEmpty() ? atLeast(candidates, Trait.MILD_Z).stream().limit(MILD_TRAITS).toList() : strong;
    }

    private static List<Trait> atLeast(List<Trait> candidates, double z) {
        return candidates.stream()
                .filter(trait -> (trait.numeric() ? Math.abs(trait.zScore()) : trait.zScore()) >= z)
                .sorted(Comparator.comparingDouble(trait -> -Math.abs(trait.zScore()))) // stable: ties keep their order
                .toList();
    }

    /**
     * One label per segment, in segment order, from up to three of its distinguishing traits: "High", "Low",
     * "Slightly high" or "Slightly low" and a numeric feature's name, or a categorical {@code feature=value}.
     * Segments whose labels would collide get more of their traits, and, should they still collide, their segment
     * number.
     */
    static List<String> labels(List<List<Trait>> distinguishing) {
        int k = distinguishing.size();
        List<List<String>> parts = distinguishing.stream()
                .map(traits -> traits.stream().map(SegmentLabeler::words).toList()).toList();
        int[] used = new int[k];
        for (int segment = 0; segment < k; segment++) {
            used[segment] = Math.min(LABEL_TRAITS, parts.get(segment).size());
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

    private static String words(Trait trait) {
        if (!trait.numeric()) {
            return trait.name();
        }
        String direction = trait.zScore() > 0 ? "high " : "low ";
        return (trait.mild() ? "Slightly " + direction : Character.toUpperCase(direction.charAt(0)) + direction.substring(1))
                + trait.feature();
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
