package org.customersegmentation.engine;

/**
 * The whole analysis a data scientist would do in a notebook: impute, standardize, fit k-means, profile.
 * Plain Java: no Spring, no database.
 */
public final class SegmentationEngine {

    private SegmentationEngine() {
    }

    public static SegmentationOutcome segment(FeatureMatrix matrix, int k, int restarts, long seed) {
        if (k < 2 || k > matrix.rowCount()) {
            throw new EngineException("k must be between 2 and the number of customers (" + matrix.rowCount() + "), not " + k + ".");
        }
        PreparedFeatures prepared = Preprocessor.prepare(matrix);
        Clustering clustering = KMeansClusterer.fit(prepared.scaled(), k, restarts, seed);
        ClusterQuality quality = ClusterQuality.of(prepared.scaled(), clustering.labels(), k, seed);
        return SegmentProfiler.profile(matrix, prepared, clustering, quality);
    }
}
