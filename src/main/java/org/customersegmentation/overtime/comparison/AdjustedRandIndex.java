package org.customersegmentation.overtime.comparison;

/**
 * Hubert and Arabie's adjusted Rand index of two partitions of the same customers, from their contingency table:
 * 1 for the same partition (whatever the numbering), about 0 for partitions no more alike than chance.
 */
final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /**
     * @param counts counts[i][j], the customers in part i of one partition and part j of the other
     * @return the index, or null when the table holds fewer than two customers (no pair to compare)
     */
    static Double of(long[][] counts) {
        int columns = counts.length == 0 ? 0 : counts[0].length;
        long[] columnSums = new long[columns];
        double pairsInCells = 0;
        double pairsInRows = 0;
        long n = 0;
        for (long[] row : counts) {
            long rowSum = 0;
            for (int j = 0; j < columns; j++) {
                pairsInCells += pairs(row[j]);
                rowSum += row[j];
                columnSums[j] += row[j];
            }
            pairsInRows += pairs(rowSum);
            n += rowSum;
        }
        if (n < 2) {
            return null;
        }
        double pairsInColumns = 0;
        for (long sum : columnSums) {
            pairsInColumns += pairs(sum);
        }
        double expected = pairsInRows * pairsInColumns / pairs(n);
        double max = (pairsInRows + pairsInColumns) / 2;
        // both partitions are one part, or both all singletons: they agree on every pair (scikit-learn says 1 too)
        return max == expected ? 1.0 : (pairsInCells - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
