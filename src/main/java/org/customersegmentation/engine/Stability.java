package org.customersegmentation.engine;

/**
 * Whether, and how, the segments' stability is measured once the final clustering is fitted: the customers are
 * resampled {@code resamples} times and each resample reclustered with the chosen k (see {@link Clusterboot}).
 *
 * @param resamples 0 for off, else {@value #MIN_RESAMPLES} to {@value #MAX_RESAMPLES}
 */
public record Stability(int resamples) {

    public static final int MIN_RESAMPLES = 2;
    public static final int MAX_RESAMPLES = 100;
    /** Up to this many customers a resample is a bootstrap sample; above, a half-size subsample. */
    public static final int BOOTSTRAP_UP_TO = 100_000;
    /** k-means++ starts per resample at most (fewer when the job itself runs fewer). */
    public static final int RESAMPLE_RESTARTS = 3;

    public static final Stability OFF = new Stability(0);

    public Stability {
        if (resamples != 0 && (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES)) {
            throw new IllegalArgumentException("resamples must be 0 (off) or " + MIN_RESAMPLES + " to " + MAX_RESAMPLES);
        }
    }

    public boolean measured() {
        return resamples > 0;
    }

    /** How each resample is fitted: the job's iterations and tolerance, at most {@link #RESAMPLE_RESTARTS} starts. */
    Fitting resampleFitting(Fitting fitting) {
        return new Fitting(Math.min(fitting.restarts(), RESAMPLE_RESTARTS), fitting.maxIterations(), fitting.tolerance());
    }

    /** The k-means fits the resamples take, for the progress estimate. */
    int fits(Fitting fitting) {
        return resamples * resampleFitting(fitting).restarts();
    }
}
