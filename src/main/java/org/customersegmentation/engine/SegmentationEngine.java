package org.customersegmentation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.customersegmentation.engine.KSearch.CandidateFit;
import org.customersegmentation.engine.kmeans.Clustering;
import org.customersegmentation.engine.kmeans.KMeansClusterer;
import org.customersegmentation.engine.preprocessing.PreparedFeatures;
import org.customersegmentation.engine.preprocessing.Preprocessor;
import org.customersegmentation.engine.profile.SegmentProfiler;

/**
 * The whole analysis a data scientist would do in a notebook: impute, scale, one-hot encode, fit k-means, profile.
 * Plain Java: no Spring, no database.
 */
public final class SegmentationEngine {

    /**
     * On more customers than this, the restarts and the fits of a k range run on a seeded sample of this many, and
     * only the partition kept is refined on every customer.
     */
    public static final int FIT_SAMPLE = KMeansClusterer.FIT_SAMPLE;

    private SegmentationEngine() {
    }

    /** @throws RunControl.CancelledException when cancelled before it finished */
    public static SegmentationOutcome segment(FeatureMatrix matrix, Preprocessing preprocessing, int k, Fitting fitting,
                                              long seed, RunControl control) {
        return segment(matrix, preprocessing, k, fitting, seed, Stability.OFF, control);
    }

    /**
     * Fits k-means with a fixed k and profiles the segments; with {@code stability} measured, then reclusters
     * resamples of the customers to score each segment's stability.
     *
     * @throws RunControl.CancelledException when cancelled before it finished
     */
    public static SegmentationOutcome segment(FeatureMatrix matrix, Preprocessing preprocessing, int k, Fitting fitting,
                                              long seed, Stability stability, RunControl control) {
        if (preprocessing.missingValues() == Preprocessing.Imputation.DROP_ROWS) {
            return withoutIncompleteRows(matrix, complete -> segment(complete,
                    preprocessing.withImputation(Preprocessing.Imputation.MEDIAN), k, fitting, seed, stability, control));
        }
        if (k < 2 || k > matrix.rowCount()) {
            throw new EngineException("k must be between 2 and the number of customers (" + matrix.rowCount() + "), not " + k + ".");
        }
        control.preprocessing();
        PreparedFeatures prepared = Preprocessor.prepare(matrix, preprocessing);
        control.plan(fitting.restarts() + stability.fits(fitting));
        Clustering clustering = KMeansClusterer.fit(prepared.scaled(), k, fitting, seed, control);
        control.evaluating(k);
        ClusterQuality quality = ClusterQuality.of(prepared.scaled(), clustering.labels(), k, seed);
        return withStability(SegmentProfiler.profile(matrix, prepared, clustering, quality), prepared.scaled(), stability,
                fitting, seed, control);
    }

    /**
     * Fits every k from {@code minK} to {@code maxK} (several at once, each k with the same seed), scores each
     * partition, and profiles the one the method chooses. On many customers the k are fitted on a sample and
     * scored with every customer at the nearest of their centres; only the chosen one is refined on all of them
     * (see {@link KMeansClusterer}). A k beyond the number of distinct points
     * is not tried.
     *
     * @throws RunControl.CancelledException when cancelled before it finished
     */
    public static SegmentationOutcome segment(FeatureMatrix matrix, Preprocessing preprocessing, int minK, int maxK,
                                              KSelectionMethod method, Fitting fitting, long seed, RunControl control) {
        return segment(matrix, preprocessing, minK, maxK, method, 0, fitting, seed, Stability.OFF, control);
    }

    /**
     * As {@link #segment(FeatureMatrix, Preprocessing, int, int, KSelectionMethod, Fitting, long, RunControl)}, but
     * only candidates whose smallest segment holds at least {@code minSegmentShare} of the customers may be chosen
     * (0: every one), and with {@code stability} measured, the chosen segmentation's resamples are reclustered.
     *
     * @throws EngineException when no candidate is eligible
     * @throws RunControl.CancelledException when cancelled before it finished
     */
    public static SegmentationOutcome segment(FeatureMatrix matrix, Preprocessing preprocessing, int minK, int maxK,
                                              KSelectionMethod method, double minSegmentShare, Fitting fitting, long seed,
                                              Stability stability, RunControl control) {
        if (preprocessing.missingValues() == Preprocessing.Imputation.DROP_ROWS) {
            return withoutIncompleteRows(matrix, complete -> segment(complete,
                    preprocessing.withImputation(Preprocessing.Imputation.MEDIAN), minK, Math.min(maxK, complete.rowCount()),
                    method, minSegmentShare, fitting, seed, stability, control));
        }
        if (minK < 2 || maxK < minK || maxK > matrix.rowCount()) {
            throw new EngineException("The k range must lie between 2 and the number of customers (" + matrix.rowCount()
                    + "), not " + minK + ".." + maxK + ".");
        }
        control.preprocessing();
        PreparedFeatures prepared = Preprocessor.prepare(matrix, preprocessing);
        double[][] points = prepared.scaled();
        int upTo = Math.min(maxK, KMeansClusterer.distinctPoints(points, maxK));
        KMeansClusterer.requireEnoughDistinctPoints(points, minK);
        control.plan((upTo - minK + 1) * fitting.restarts() + stability.fits(fitting));
        List<Clustering> clusterings = KMeansClusterer.fitEach(points, minK, upTo, fitting, seed, control);
        control.evaluating(null);
        List<ClusterQuality> qualities = ClusterQuality.ofEach(points, clusterings, seed);
        List<CandidateFit> candidates = new ArrayList<>();
        for (int i = 0; i < clusterings.size(); i++) {
            Clustering clustering = clusterings.get(i);
            int[] sizes = new int[clustering.k()];
            for (int label : clustering.labels()) {
                sizes[label]++;
            }
            double smallestShare = (double) Arrays.stream(sizes).min().orElseThrow() / points.length;
            candidates.add(new CandidateFit(clustering.k(), clustering.inertia(), qualities.get(i), smallestShare));
        }
        KSearch search = new KSearch(method, minSegmentShare, List.copyOf(candidates));
        List<CandidateFit> eligible = candidates.stream().filter(candidate -> !search.excludes(candidate)).toList();
        if (eligible.isEmpty()) {
            CandidateFit largest = candidates.stream().max(Comparator.comparingDouble(CandidateFit::smallestShare)
                    .thenComparingInt(candidate -> -candidate.k())).orElseThrow();
            throw new EngineException("Every k from " + minK + " to " + upTo + " has a segment smaller than "
                    + "minSegmentShare (" + KSearch.percent(minSegmentShare) + " of the customers): the largest smallest "
                    + "segment, at k = " + largest.k() + ", holds " + KSearch.percent(largest.smallestShare())
                    + ". Lower minSegmentShare, or try smaller k.");
        }
        CandidateFit chosen = method.choose(eligible);
        Clustering candidate = clusterings.get(chosen.k() - minK);
        Clustering refined = KMeansClusterer.refine(points, candidate, fitting, control);
        ClusterQuality quality = chosen.quality();
        if (refined != candidate) {
            control.evaluating(chosen.k());
            quality = ClusterQuality.of(points, refined.labels(), chosen.k(), seed);
        }
        SegmentationOutcome outcome = SegmentProfiler.profile(matrix, prepared, refined, quality);
        return withStability(outcome.withSearch(search), points, stability, fitting, seed, control);
    }

    private static SegmentationOutcome withStability(SegmentationOutcome outcome, double[][] points, Stability stability,
                                                     Fitting fitting, long seed, RunControl control) {
        if (!stability.measured()) {
            return outcome;
        }
        return outcome.withStability(Clusterboot.stability(points, outcome.assignments(), outcome.segments().size(),
                stability, fitting, seed, control));
    }

    /**
     * Segments only the customers that have every feature, and says which rows those were. The model keeps the
     * medians of the kept customers, to fill a missing value when a new customer is scored.
     */
    private static SegmentationOutcome withoutIncompleteRows(FeatureMatrix matrix,
                                                             Function<FeatureMatrix, SegmentationOutcome> segment) {
        int[] kept = IntStream.range(0, matrix.rowCount()).filter(matrix::complete).toArray();
        if (kept.length < 2) {
            throw new EngineException("Only " + kept.length + " of " + matrix.rowCount() + " customers have a value for "
                    + "every feature, too few to segment after dropping the others. Impute missing values instead "
                    + "(missingValues MEDIAN or MEAN), or choose other features.");
        }
        SegmentationOutcome outcome = segment.apply(matrix.keep(kept));
        return outcome.withRows(kept, matrix.rowCount() - kept.length);
    }
}
