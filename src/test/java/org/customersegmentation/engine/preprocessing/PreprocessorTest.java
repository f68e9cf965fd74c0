package org.customersegmentation.engine.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    static final double NAN = Double.NaN;

    @Test
    void missingValuesBecomeTheMedianAndEveryColumnBecomesZScores() {
        // column a: present 1, 2, 3 -> median 2; imputed 1, 2, 3, 2 -> mean 2, population variance 0.5
        // column b: present 4, 8, 6 -> median 6; imputed 6, 4, 8, 6 -> mean 6, population variance 2
        var matrix = new FeatureMatrix(List.of("a", "b"), new double[][] {{1, NAN}, {2, 4}, {3, 8}, {NAN, 6}});

        PreparedFeatures prepared = Preprocessor.prepare(matrix, Preprocessing.DEFAULT);

        assertThat(prepared.imputed()).containsExactly(2, 6);
        assertThat(prepared.centers()).containsExactly(2, 6);
        assertThat(prepared.scales()).containsExactly(new double[] {Math.sqrt(0.5), Math.sqrt(2)}, within(1e-15));
        double r = 1 / Math.sqrt(0.5);
        double s = 2 / Math.sqrt(2);
        double[][] expected = {{-r, 0}, {0, -s}, {r, s}, {0, 0}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(prepared.scaled()[i]).containsExactly(expected[i], within(1e-12));
        }
    }

    @Test
    void minMaxRobustAndNoScalingUseTheirOwnCentreAndScale() {
        // present 0, 2, 4, 10 and one missing: median 3 fills it -> 0, 2, 4, 10, 3
        var matrix = new FeatureMatrix(List.of("a"), new double[][] {{0}, {2}, {4}, {10}, {NAN}});

        PreparedFeatures minMax = Preprocessor.prepare(matrix, options(Preprocessing.Scaling.MINMAX, Set.of(), MEDIAN));
        assertThat(column(minMax)).containsExactly(new double[] {0, 0.2, 0.4, 1, 0.3}, within(1e-12));

        // sorted 0, 2, 3, 4, 10: median 3, quartiles 2 and 4 (numpy's linear interpolation) -> IQR 2
        PreparedFeatures robust = Preprocessor.prepare(matrix, options(Preprocessing.Scaling.ROBUST, Set.of(), MEDIAN));
        assertThat(column(robust)).containsExactly(new double[] {-1.5, -0.5, 0.5, 3.5, 0}, within(1e-12));

        PreparedFeatures none = Preprocessor.prepare(matrix, options(Preprocessing.Scaling.NONE, Set.of(), MEDIAN));
        assertThat(column(none)).containsExactly(0, 2, 4, 10, 3);
    }

    @Test
    void meanImputationAndALogTransformComeBeforeScalingAndAreUndoneForOriginalUnits() {
        // log1p of e - 1 and e^3 - 1 is 1 and 3; their mean 2 fills the missing value
        var matrix = new FeatureMatrix(List.of("spend"), new double[][] {{Math.E - 1}, {NAN}, {Math.exp(3) - 1}});

        PreparedFeatures prepared = Preprocessor.prepare(matrix,
                options(Preprocessing.Scaling.NONE, Set.of("spend"), Preprocessing.Imputation.MEAN));

        assertThat(column(prepared)).containsExactly(new double[] {1, 2, 3}, within(1e-12));
        assertThat(prepared.imputed()[0]).isCloseTo(2, within(1e-12));
        assertThat(prepared.toOriginalUnits(new double[] {2})[0]).isCloseTo(Math.exp(2) - 1, within(1e-9));
    }

    @Test
    void aLogTransformOfNegativeValuesIsRefused() {
        var matrix = new FeatureMatrix(List.of("balance"), new double[][] {{-1}, {3}});

        assertThatThrownBy(() -> Preprocessor.prepare(matrix, options(Preprocessing.Scaling.STANDARD, Set.of("balance"), MEDIAN)))
                .isInstanceOf(EngineException.class).hasMessageContaining("negative values");
    }

    private static final Preprocessing.Imputation MEDIAN = Preprocessing.Imputation.MEDIAN;

    private static Preprocessing options(Preprocessing.Scaling scaling, Set<String> logTransform,
                                         Preprocessing.Imputation imputation) {
        return new Preprocessing(scaling, logTransform, imputation);
    }

    private static double[] column(PreparedFeatures prepared) {
        return Arrays.stream(prepared.scaled()).mapToDouble(row -> row[0]).toArray();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Preprocessor.median(new double[] {4, NAN, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Preprocessor.median(new double[] {5, NAN, 1, 3})).isEqualTo(3);
        assertThat(Preprocessor.median(new double[] {NAN, NAN})).isNaN();
    }

    @Test
    void aConstantFeatureStaysAtZeroInsteadOfDividingByZero() {
        var prepared = Preprocessor.prepare(new FeatureMatrix(List.of("c"), new double[][] {{7}, {7}, {7}}), Preprocessing.DEFAULT);

        assertThat(prepared.scales()).containsExactly(1);
        assertThat(prepared.scaled()).isDeepEqualTo(new double[][] {{0}, {0}, {0}});
    }

    @Test
    void aFeatureEveryCustomerIsMissingCannotBePrepared() {
        var matrix = new FeatureMatrix(List.of("ok", "empty"), new double[][] {{1, NAN}, {2, NAN}});

        assertThatThrownBy(() -> Preprocessor.prepare(matrix, Preprocessing.DEFAULT))
                .isInstanceOf(EngineException.class)
                .hasMessage("Feature 'empty' has no values: every customer is missing it.");
    }

    @Test
    void scaledPointsGoBackToOriginalUnits() {
        var matrix = new FeatureMatrix(List.of("a", "b"), new double[][] {{10, 200}, {20, 100}, {60, 300}});
        PreparedFeatures prepared = Preprocessor.prepare(matrix, Preprocessing.DEFAULT);

        for (int i = 0; i < 3; i++) {
            assertThat(prepared.toOriginalUnits(prepared.scaled()[i])).containsExactly(matrix.rows()[i], within(1e-9));
        }
    }
}
