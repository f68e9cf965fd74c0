package org.customersegmentation.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.customersegmentation.engine.ClusterQuality;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.engine.SegmentProfile.CategoryShares;
import org.customersegmentation.engine.SegmentProfile.FeatureStats;
import org.customersegmentation.engine.SegmentProfile;
import org.customersegmentation.engine.SegmentProfile.Trait;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.engine.kmeans.Clustering;
import org.customersegmentation.engine.kmeans.ParallelTasks;
import org.customersegmentation.engine.preprocessing.PreparedFeatures;

/** Turns a clustering into segments numbered by size and described in the features' original units. */
public final class SegmentProfiler {

    private SegmentProfiler() {
    }

    public static SegmentationOutcome profile(FeatureMatrix original, PreparedFeatures prepared, Clustering clustering,
                                              ClusterQuality quality) {
        int n = original.rowCount();
        int k = clustering.k();
        int[] sizes = new int[k];
        for (int label : clustering.labels()) {
            sizes[label]++;
        }
        // Largest first; equal sizes keep the clusterer's order so that numbering stays deterministic.
        int[] bySize = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparingInt(c -> c))
                .mapToInt(Integer::intValue).toArray();
        int[] segmentOfCluster = new int[k];
        for (int segment = 0; segment < k; segment++) {
            segmentOfCluster[bySize[segment]] = segment;
        }

        int[] assignments = new int[n];
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            assignments[i] = segmentOfCluster[clustering.labels()[i]];
            distances[i] = Math.sqrt(clustering.squaredDistances()[i]);
        }

        int[][] members = membersBySegment(assignments, k);
        double[][] population = populationMeansAndStds(original);
        List<CategoryTally> tallies = new ArrayList<>();
        for (int c = 0; c < original.categoricals().size(); c++) {
            tallies.add(new CategoryTally(original.categoricals().get(c), prepared.oneHot().get(c)));
        }
        List<double[]> zScores = new ArrayList<>(k);
        List<List<CategoryShares>> categories = new ArrayList<>(k);
        List<List<Trait>> distinguishing = new ArrayList<>(k);
        List<List<FeatureStats>> stats = ParallelTasks.map(k, segment -> memberStats(original, members[segment]));
        for (int segment = 0; segment < k; segment++) {
            zScores.add(zScores(stats.get(segment), population));
            int[] segmentMembers = members[segment];
            categories.add(tallies.stream().map(tally -> tally.shares(segmentMembers)).toList());
            distinguishing.add(SegmentLabeler.distinguishing(candidates(original.features(), stats.get(segment),
                    zScores.get(segment), population, tallies, categories.get(segment))));
        }
        List<String> labels = SegmentLabeler.labels(distinguishing);
        List<SegmentProfile> segments = new ArrayList<>(k);
        for (int segment = 0; segment < k; segment++) {
            int cluster = bySize[segment];
            double[] centroid = prepared.toOriginalUnits(clustering.centroids()[cluster]);
            double share = (double) sizes[cluster] / n;
            segments.add(new SegmentProfile(segment, sizes[cluster], share, centroid, stats.get(segment),
                    zScores.get(segment), categories.get(segment), distinguishing.get(segment), labels.get(segment),
                    SegmentSummary.of(sizes[cluster], share, distinguishing.get(segment))));
        }
        double[][] centroids = new double[k][];
        for (int segment = 0; segment < k; segment++) {
            centroids[segment] = clustering.centroids()[bySize[segment]].clone();
        }
        SegmentModel model = new SegmentModel(original.features(), prepared.logged(), prepared.imputed(),
                prepared.centers(), prepared.scales(), centroids, prepared.oneHot());
        return new SegmentationOutcome(segments, assignments, distances, clustering.inertia(), quality, null, model, null, 0, null);
    }

    /** Every numeric feature, then every categorical value, as a trait of one segment. */
    private static List<Trait> candidates(List<String> features, List<FeatureStats> stats, double[] zScores,
                                          double[][] population, List<CategoryTally> tallies,
                                          List<CategoryShares> categories) {
        List<Trait> candidates = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            candidates.add(new Trait(features.get(j), null, zScores[j], stats.get(j).mean(), population[j][0]));
        }
        for (int c = 0; c < tallies.size(); c++) {
            candidates.addAll(tallies.get(c).traits(categories.get(c)));
        }
        return candidates;
    }

    /** Each segment's row indexes, found in one pass over the assignments. */
    private static int[][] membersBySegment(int[] assignments, int k) {
        int[] counts = new int[k];
        for (int segment : assignments) {
            counts[segment]++;
        }
        int[][] members = new int[k][];
        for (int segment = 0; segment < k; segment++) {
            members[segment] = new int[counts[segment]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < assignments.length; i++) {
            members[assignments[i]][filled[assignments[i]]++] = i;
        }
        return members;
    }

    /** Per feature, the mean and the population standard deviation of all customers' present values. */
    private static double[][] populationMeansAndStds(FeatureMatrix original) {
        double[][] meanAndStd = new double[original.featureCount()][2];
        for (int feature = 0; feature < original.featureCount(); feature++) {
            int n = 0;
            double sum = 0;
            for (double[] row : original.rows()) {
                if (!Double.isNaN(row[feature])) {
                    n++;
                    sum += row[feature];
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (double[] row : original.rows()) {
                if (!Double.isNaN(row[feature])) {
                    squares += (row[feature] - mean) * (row[feature] - mean);
                }
            }
            meanAndStd[feature][0] = mean;
            meanAndStd[feature][1] = Math.sqrt(squares / n);
        }
        return meanAndStd;
    }

    private static double[] zScores(List<FeatureStats> stats, double[][] population) {
        double[] z = new double[stats.size()];
        for (int feature = 0; feature < z.length; feature++) {
            double std = population[feature][1];
            z[feature] = std == 0 ? 0 : (stats.get(feature).mean() - population[feature][0]) / std;
        }
        return z;
    }

    private static List<FeatureStats> memberStats(FeatureMatrix original, int[] members) {
        List<FeatureStats> stats = new ArrayList<>(original.featureCount());
        double[] values = new double[members.length];
        for (int feature = 0; feature < original.featureCount(); feature++) {
            for (int m = 0; m < members.length; m++) {
                values[m] = original.rows()[members[m]][feature];
            }
            stats.add(FeatureStats.of(values));
        }
        return stats;
    }
}
