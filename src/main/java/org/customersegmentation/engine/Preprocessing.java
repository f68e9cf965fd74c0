package org.customersegmentation.engine;

import java.util.Set;

/**
 * How features are made ready for k-means.
 *
 * @param scaling       how each feature is put on a common scale
 * @param logTransform  features replaced by log1p(x) first (for skewed, non-negative amounts such as money)
 * @param missingValues what fills a missing value
 */
public record Preprocessing(Scaling scaling, Set<String> logTransform, Imputation missingValues) {

    public static final Preprocessing DEFAULT = new Preprocessing(Scaling.STANDARD, Set.of(), Imputation.MEDIAN);

    public Preprocessing {
        logTransform = Set.copyOf(logTransform);
    }

    public enum Scaling {
        /** (x - mean) / population standard deviation */
        STANDARD,
        /** (x - min) / (max - min), into 0..1 */
        MINMAX,
        /** (x - median) / interquartile range: outliers pull less */
        ROBUST,
        /** the values as they are */
        NONE
    }

    public enum Imputation {
        /** the feature's median over the customers that have a value */
        MEDIAN,
        /** the feature's mean over the customers that have a value */
        MEAN,
        /** no filling: a customer missing any feature is left out of the segmentation and gets no segment */
        DROP_ROWS
    }

    Preprocessing withImputation(Imputation imputation) {
        return new Preprocessing(scaling, logTransform, imputation);
    }
}
