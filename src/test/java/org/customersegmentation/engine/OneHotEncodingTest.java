package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.customersegmentation.engine.preprocessing.PreparedFeatures;
import org.customersegmentation.engine.preprocessing.Preprocessor;
import org.junit.jupiter.api.Test;

/** Categorical features: one-hot columns, imputed with the most frequent value, weighted like one numeric feature. */
class OneHotEncodingTest {

    static final int MISSING = CategoricalColumn.MISSING;

    /** Codes into the values north, south, east. */
    static CategoricalColumn region(int... codes) {
        return new CategoricalColumn("region", List.of("south", "north", "east"), codes);
    }

    @Test
    void valuesAreOrderedByFrequencyAndTheMostFrequentFillsTheMissingOnes() {
        // south, north, north, east, missing -> north (2 + the missing one), then east and south once each
        var matrix = new FeatureMatrix(List.of(), new double[5][0], List.of(region(0, 1, 1, 2, MISSING)));

        OneHotEncoding encoding = Preprocessor.prepare(matrix, Preprocessing.DEFAULT).oneHot().getFirst();

        assertThat(encoding.values()).containsExactly("north", "east", "south");
        assertThat(encoding.imputed()).isEqualTo("north");
        assertThat(encoding.centers()).containsExactly(0.6, 0.2, 0.2);
    }

    @Test
    void theColumnsOfACategoricalFeatureAddUpToTheVarianceOfOneStandardizedFeature() {
        // region: north, north, south, east -> shares 1/2, 1/4, 1/4; sum of p(1 - p) = 1/4 + 3/16 + 3/16 = 5/8,
        // so the common scale is sqrt(5/8) and the columns' variances add up to 1, as age's does.
        var matrix = new FeatureMatrix(List.of("age"), new double[][] {{20}, {30}, {40}, {50}},
                List.of(region(1, 1, 0, 2)));

        PreparedFeatures prepared = Preprocessor.prepare(matrix, Preprocessing.DEFAULT);

        double s = Math.sqrt(5.0 / 8);
        assertThat(prepared.oneHot().getFirst().scale()).isCloseTo(s, within(1e-15));
        assertThat(prepared.scaled()[0]).containsExactly(new double[] {prepared.scaled()[0][0], 0.5 / s, -0.25 / s, -0.25 / s},
                within(1e-12));
        assertThat(prepared.scaled()[2]).containsExactly(new double[] {prepared.scaled()[2][0], -0.5 / s, -0.25 / s, 0.75 / s},
                within(1e-12));
        assertThat(variance(prepared.scaled(), 0, 1)).isCloseTo(1, within(1e-12));
        assertThat(variance(prepared.scaled(), 1, 4)).isCloseTo(1, within(1e-12));
    }

    @Test
    void withOtherScalingsACategoricalWeighsAsMuchAsTheMeanNumericFeature() {
        // min-max: a = 0, 1, 0, 1 stays as it is, variance 1/4; b = 0, 0, 2, 1 becomes 0, 0, 1, 1/2
        var matrix = new FeatureMatrix(List.of("a", "b", "constant"),
                new double[][] {{0, 0, 7}, {1, 0, 7}, {0, 2, 7}, {1, 1, 7}}, List.of(region(1, 0, 1, 0)));

        PreparedFeatures prepared = Preprocessor.prepare(matrix,
                new Preprocessing(Preprocessing.Scaling.MINMAX, Set.of(), Preprocessing.Imputation.MEDIAN));

        // b scaled: 0, 0, 1, 1/2 -> mean 3/8, variance (9 + 9 + 25 + 1) / 64 / 4 = 11/64; a: 1/4; the constant is ignored
        double numericVariance = (0.25 + 11.0 / 64) / 2;
        assertThat(variance(prepared.scaled(), 0, 1)).isCloseTo(0.25, within(1e-12));
        assertThat(variance(prepared.scaled(), 1, 2)).isCloseTo(11.0 / 64, within(1e-12));
        assertThat(prepared.scaled()[0]).hasSize(5); // east never occurs: no column
        assertThat(variance(prepared.scaled(), 3, 5)).isCloseTo(numericVariance, within(1e-12));
    }

    @Test
    void aCategoricalFeatureWithManyValuesDoesNotOutweighANumericOne() {
        // x splits the customers in two groups; the category (20 values) is noise. Were each one-hot column
        // standardized on its own, the 20 columns would weigh 20 times x and decide the split.
        Random random = new Random(11);
        int n = 2_000;
        double[][] rows = new double[n][1];
        int[] codes = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 2;
            rows[i][0] = truth[i] * 10 + random.nextGaussian();
            codes[i] = random.nextInt(20);
        }
        List<String> values = IntStream.range(0, 20).mapToObj(v -> "v" + v).toList();
        var matrix = new FeatureMatrix(List.of("x"), rows, List.of(new CategoricalColumn("noise", values, codes)));

        SegmentationOutcome outcome = Segment.fixedK(matrix, 2, 3, 5);

        assertThat(KnownAnswersTest.adjustedRandIndex(truth, outcome.assignments())).isGreaterThan(0.99);
    }

    @Test
    void groupsThatDifferOnlyInTheirCategoriesAreFound() {
        // Three groups with the same spread in a; each has its own region and plan. Split by group, the
        // within-segment variance is a's, 1; cut into three ranges of a, it would be 0.19 plus the categories', 2.
        Random random = new Random(3);
        int n = 900;
        double[][] rows = new double[n][1];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % 3;
            rows[i][0] = random.nextGaussian();
        }
        var plan = new CategoricalColumn("plan", List.of("basic", "gold", "silver"), group);
        var matrix = new FeatureMatrix(List.of("a"), rows, List.of(region(group), plan));

        SegmentationOutcome outcome = Segment.fixedK(matrix, 3, 5, 1);

        assertThat(KnownAnswersTest.adjustedRandIndex(group, outcome.assignments())).isGreaterThan(0.99);
        assertThat(outcome.segments()).allSatisfy(segment -> {
            assertThat(segment.categories().getFirst().shares()).containsOnlyOnce(1.0);
            assertThat(segment.label()).matches("region=\\w+ · plan=\\w+");
        });
    }

    @Test
    void droppingRowsAlsoDropsTheValuesOnlyTheyHad() {
        // row 2 misses x and is the only east customer: dropped, east is not a value of the segmentation
        var matrix = new FeatureMatrix(List.of("x"), new double[][] {{0}, {0.1}, {Double.NaN}, {10}, {10.1}},
                List.of(region(1, 1, 2, 0, MISSING)));

        SegmentationOutcome outcome = Segment.fixedK(matrix,
                new Preprocessing(Preprocessing.Scaling.STANDARD, Set.of(), Preprocessing.Imputation.DROP_ROWS), 2, 1, 3);

        assertThat(outcome.droppedRows()).isEqualTo(2);
        assertThat(outcome.model().oneHot().getFirst().values()).containsExactly("north", "south");
        assertThat(outcome.model().centroids()[0]).hasSize(3);
        assertThat(outcome.segments().get(0).categories().getFirst().shares()).containsExactly(1, 0);
        assertThat(outcome.segments().get(1).categories().getFirst().shares()).containsExactly(0, 1);
    }

    @Test
    void categoricalFeaturesAloneCanBeSegmented() {
        int[] codes = {0, 0, 0, 1, 1, 2};
        var matrix = new FeatureMatrix(List.of(), new double[codes.length][0], List.of(region(codes)));

        SegmentationOutcome outcome = Segment.fixedK(matrix, 3, 2, 4);

        assertThat(outcome.assignments()).containsExactly(0, 0, 0, 1, 1, 2);
        assertThat(outcome.segments()).extracting(SegmentProfile::label)
                .containsExactly("region=south", "region=north", "region=east");
        assertThat(outcome.inertia()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aNewCustomerIsEncodedAsInTrainingAndAnUnseenValueHasNoIndicatorSet() {
        var encoding = new OneHotEncoding("region", List.of("north", "south"), new double[] {0.75, 0.25}, 0.5, "north");
        double[] point = new double[3];

        encoding.encode("south", point, 1);
        assertThat(point).containsExactly(0, -1.5, 1.5);
        encoding.encode(null, point, 1);
        assertThat(point).containsExactly(0, 0.5, -0.5);
        encoding.encode("west", point, 1);
        assertThat(point).containsExactly(0, -1.5, -0.5);
    }

    /** The summed population variances of columns from..to-1. */
    static double variance(double[][] points, int from, int to) {
        double total = 0;
        for (int j = from; j < to; j++) {
            int column = j;
            double mean = Arrays.stream(points).mapToDouble(point -> point[column]).average().orElseThrow();
            total += Arrays.stream(points).mapToDouble(point -> (point[column] - mean) * (point[column] - mean)).sum()
                    / points.length;
        }
        return total;
    }
}
