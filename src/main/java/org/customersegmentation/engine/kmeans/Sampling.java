package org.customersegmentation.engine.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded uniform samples of rows. */
public final class Sampling {

    private Sampling() {
    }

    /** Every row up to the sample size, else a uniform sample of that many, in row order, the same for the same seed. */
    public static int[] rows(int n, int sampleSize, long seed) {
        if (n <= sampleSize) {
            return IntStream.range(0, n).toArray();
        }
        int[] rows = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sampleSize; i++) { // partial Fisher-Yates shuffle
            int j = i + random.nextInt(n - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        int[] sample = Arrays.copyOf(rows, sampleSize);
        Arrays.sort(sample);
        return sample;
    }
}
