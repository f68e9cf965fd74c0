package org.customersegmentation.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.customersegmentation.engine.KSearch.CandidateFit;

/** How the number of segments is chosen among the candidates of a k range. */
public enum KSelectionMethod {
    /** The highest mean silhouette. */
    SILHOUETTE,
    /** The knee of the inertia curve, by the Kneedle method. */
    ELBOW,
    /** The lowest Davies-Bouldin index. */
    DAVIES_BOULDIN,
    /** The highest Calinski-Harabasz index. */
    CALINSKI_HARABASZ;

    /** The chosen candidate; ties go to the smaller k. Undefined indices never win. */
    CandidateFit choose(List<CandidateFit> candidates) {
        Comparator<CandidateFit> smallerK = Comparator.comparingInt(CandidateFit::k);
        return switch (this) {
            case SILHOUETTE -> best(candidates, candidate -> -candidate.quality().silhouette());
            case DAVIES_BOULDIN -> best(candidates, candidate -> candidate.quality().daviesBouldin());
            case CALINSKI_HARABASZ -> best(candidates, candidate -> -candidate.quality().calinskiHarabasz());
            case ELBOW -> candidates.stream().sorted(smallerK).toList().get(knee(candidates.stream().sorted(smallerK)
                    .mapToDouble(CandidateFit::inertia).toArray()));
        };
    }

    private static CandidateFit best(List<CandidateFit> candidates, ToDoubleFunction<CandidateFit> lowerIsBetter) {
        return candidates.stream()
                .filter(candidate -> Double.isFinite(lowerIsBetter.applyAsDouble(candidate)))
                .min(Comparator.comparingDouble(lowerIsBetter).thenComparingInt(CandidateFit::k))
                .orElse(candidates.stream().min(Comparator.comparingInt(CandidateFit::k)).orElseThrow());
    }

    /**
     * Kneedle (Satopää et al., 2011) on a decreasing, convex curve sampled at equally spaced k: both axes are
     * normalized to [0, 1], and the knee is where the curve lies farthest below the straight line joining its ends
     * (the maximum of Kneedle's difference curve; the whole curve is known, so no online threshold is needed).
     * The first point when the curve never dips below that line.
     */
    static int knee(double[] inertia) {
        int n = inertia.length;
        double max = Arrays.stream(inertia).max().orElseThrow();
        double min = Arrays.stream(inertia).min().orElseThrow();
        if (n < 3 || max == min) {
            return 0;
        }
        int knee = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double x = (double) i / (n - 1);
            double y = (inertia[i] - min) / (max - min);
            double difference = (1 - x) - y;
            if (difference > largest) {
                largest = difference;
                knee = i;
            }
        }
        return knee;
    }
}
