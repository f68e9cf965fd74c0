package org.customersegmentation.engine;

import java.util.Arrays;

/**
 * Which segments of a refit continue which segments of an earlier segmentation: a one-to-one matching of
 * centroids with the least total distance, measured in the earlier segmentation's clustering space, where a
 * pair counts only when the new centroid lies closer to the earlier one than half the distance from that
 * earlier centroid to its nearest other earlier centroid (else the new segment is a different group).
 */
public final class SegmentMatching {

    private SegmentMatching() {
    }

    /**
     * @param previous per new segment, the earlier segment it continues, or -1 for a new group
     * @param shift    per new segment, the distance from its centroid to that earlier segment's, in the earlier
     *                 clustering space; NaN when it continues none
     */
    public record Match(int[] previous, double[] shift) {
    }

    /**
     * Matches the segments of {@code later} to those of {@code earlier}. The later centroids are taken back to
     * original units (numeric values, and each categorical value's share) and put through the earlier
     * preprocessing; {@code later} must have every feature {@code earlier} has, of the same kind.
     */
    public static Match match(SegmentModel earlier, SegmentModel later) {
        double[][] translated = new double[later.centroids().length][];
        for (int segment = 0; segment < translated.length; segment++) {
            translated[segment] = inEarlierSpace(earlier, later, later.centroids()[segment]);
        }
        return match(earlier.centroids(), translated);
    }

    /** As {@link #match(SegmentModel, SegmentModel)}, with the later centroids already in the earlier space. */
    static Match match(double[][] earlier, double[][] later) {
        int size = Math.max(earlier.length, later.length);
        double[][] cost = new double[size][size]; // padded with zeros: a padded pair is no match at all
        for (int i = 0; i < later.length; i++) {
            for (int j = 0; j < earlier.length; j++) {
                cost[i][j] = distance(later[i], earlier[j]);
            }
        }
        int[] assigned = minimalAssignment(cost);
        int[] previous = new int[later.length];
        double[] shift = new double[later.length];
        for (int i = 0; i < later.length; i++) {
            int j = assigned[i];
            boolean matched = j < earlier.length && cost[i][j] < reach(earlier, j);
            previous[i] = matched ? j : -1;
            shift[i] = matched ? cost[i][j] : Double.NaN;
        }
        return new Match(previous, shift);
    }

    /** Half the distance from earlier centroid {@code j} to its nearest other earlier centroid. */
    private static double reach(double[][] earlier, int j) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int other = 0; other < earlier.length; other++) {
            if (other != j) {
                nearest = Math.min(nearest, distance(earlier[j], earlier[other]));
            }
        }
        return nearest / 2;
    }

    /**
     * The Hungarian algorithm (Kuhn–Munkres with potentials, O(n³)) on a square cost matrix: for each row, the
     * column it is assigned, so that the total cost is the least possible. Written here rather than taken from a
     * graph library because it is this one short loop over a matrix of at most 100 × 100.
     */
    static int[] minimalAssignment(double[][] cost) {
        int n = cost.length;
        double[] rowPotential = new double[n + 1];
        double[] columnPotential = new double[n + 1];
        int[] rowOfColumn = new int[n + 1]; // 1-based rows; column 0 is the free row being placed
        int[] way = new int[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            double[] slack = new double[n + 1];
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[column] = true;
                int current = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double reduced = cost[current - 1][j - 1] - rowPotential[current] - columnPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            way[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[rowOfColumn[j] - 1] = j - 1;
        }
        return assignment;
    }

    /** A later centroid in original units, put through the earlier preprocessing. */
    static double[] inEarlierSpace(SegmentModel earlier, SegmentModel later, double[] centroid) {
        double[] point = new double[earlier.centroids()[0].length];
        for (int j = 0; j < earlier.features().size(); j++) {
            int at = later.features().indexOf(earlier.features().get(j));
            if (at < 0) {
                throw new IllegalArgumentException("the later model lacks numeric feature " + earlier.features().get(j));
            }
            double value = centroid[at] * later.scales()[at] + later.centers()[at];
            value = later.logged()[at] ? Math.expm1(value) : value;
            value = earlier.logged()[j] ? Math.log1p(Math.max(0, value)) : value;
            point[j] = (value - earlier.centers()[j]) / earlier.scales()[j];
        }
        int offset = earlier.features().size();
        for (OneHotEncoding encoding : earlier.oneHot()) {
            int laterOffset = later.features().size();
            OneHotEncoding laterEncoding = null;
            for (OneHotEncoding candidate : later.oneHot()) {
                if (candidate.feature().equals(encoding.feature())) {
                    laterEncoding = candidate;
                    break;
                }
                laterOffset += candidate.width();
            }
            if (laterEncoding == null) {
                throw new IllegalArgumentException("the later model lacks categorical feature " + encoding.feature());
            }
            int[] positions = laterEncoding.positionsOf(encoding.values());
            for (int v = 0; v < encoding.width(); v++) {
                int p = positions[v];
                double share = p < 0 ? 0
                        : centroid[laterOffset + p] * laterEncoding.scale() + laterEncoding.centers()[p];
                point[offset + v] = (share - encoding.centers()[v]) / encoding.scale();
            }
            offset += encoding.width();
        }
        return point;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = a[j] - b[j];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }
}
