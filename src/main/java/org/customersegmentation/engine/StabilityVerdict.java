package org.customersegmentation.engine;

/** Hennig's (2007) reading of a clusterboot stability, the mean Jaccard similarity over resamples. */
public enum StabilityVerdict {
    /** Below 0.6: the segment dissolves in resamples. */
    UNSTABLE,
    /** 0.6 to 0.75: it reflects some pattern, but which customers belong to it is doubtful. */
    WEAK,
    /** 0.75 to 0.85. */
    STABLE,
    /** 0.85 and above. */
    HIGHLY_STABLE;

    /** The verdict on a stability; null for an undefined one (NaN). */
    public static StabilityVerdict of(double stability) {
        if (Double.isNaN(stability)) {
            return null;
        }
        if (stability < 0.6) {
            return UNSTABLE;
        }
        if (stability < 0.75) {
            return WEAK;
        }
        return stability < 0.85 ? STABLE : HIGHLY_STABLE;
    }
}
