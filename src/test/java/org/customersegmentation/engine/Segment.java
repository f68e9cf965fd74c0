package org.customersegmentation.engine;

/** Shorthands for tests that call the engine's entry point: the defaults for whatever a test does not vary. */
public final class Segment {

    private Segment() {
    }

    public static SegmentationOutcome fixedK(FeatureMatrix matrix, int k, int restarts, long seed) {
        return fixedK(matrix, Preprocessing.DEFAULT, k, Fitting.restarts(restarts), seed);
    }

    public static SegmentationOutcome fixedK(FeatureMatrix matrix, Preprocessing preprocessing, int k, int restarts,
                                             long seed) {
        return fixedK(matrix, preprocessing, k, Fitting.restarts(restarts), seed);
    }

    public static SegmentationOutcome fixedK(FeatureMatrix matrix, Preprocessing preprocessing, int k, Fitting fitting,
                                             long seed) {
        return SegmentationEngine.segment(matrix, preprocessing, k, fitting, seed, new RunControl());
    }

    public static SegmentationOutcome kRange(FeatureMatrix matrix, int minK, int maxK, KSelectionMethod method,
                                             int restarts, long seed) {
        return kRange(matrix, Preprocessing.DEFAULT, minK, maxK, method, Fitting.restarts(restarts), seed);
    }

    public static SegmentationOutcome kRange(FeatureMatrix matrix, Preprocessing preprocessing, int minK, int maxK,
                                             KSelectionMethod method, Fitting fitting, long seed) {
        return SegmentationEngine.segment(matrix, preprocessing, minK, maxK, method, fitting, seed, new RunControl());
    }
}
