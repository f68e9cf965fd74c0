package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.customersegmentation.engine.KSearch.CandidateFit;
import org.junit.jupiter.api.Test;

class MinSegmentShareTest {

    @Test
    void aCandidateWhoseSmallestSegmentIsBelowTheShareIsExcludedSayingWhy() {
        KSearch search = new KSearch(KSelectionMethod.SILHOUETTE, 0.15, List.of(
                new CandidateFit(2, 100, new ClusterQuality(0.5, 10, 0.9, 300), 0.4),
                new CandidateFit(3, 60, new ClusterQuality(0.7, 10, 0.6, 250), 0.15),
                new CandidateFit(4, 50, new ClusterQuality(0.7, 10, 0.8, 400), 0.1)));

        assertThat(search.candidates()).extracting(search::excludes).containsExactly(false, false, true);
        assertThat(search.exclusionReason(search.candidates().get(2)))
                .isEqualTo("Its smallest segment holds 10% of the customers, less than minSegmentShare (15%).");
        assertThat(KSearch.percent(5.0 / 605)).isEqualTo("0.8264%");
    }

    @Test
    void aTinyFourthGroupIsNotChosenWhenItsShareIsBelowTheMinimum() {
        // three groups of 200 and a fourth of 5 (0.83% of 605), all far apart
        FeatureMatrix groups = groups();

        SegmentationOutcome free = SegmentationEngine.segment(groups, Preprocessing.DEFAULT, 2, 4,
                KSelectionMethod.SILHOUETTE, 0, Fitting.restarts(5), 3, Stability.OFF, new RunControl());
        SegmentationOutcome limited = SegmentationEngine.segment(groups, Preprocessing.DEFAULT, 2, 4,
                KSelectionMethod.SILHOUETTE, 0.02, Fitting.restarts(5), 3, Stability.OFF, new RunControl());

        CandidateFit four = limited.search().candidates().get(2);
        assertThat(four.k()).isEqualTo(4);
        assertThat(four.smallestShare()).isEqualTo(5.0 / 605);
        assertThat(limited.search().excludes(four)).isTrue();
        assertThat(limited.search().candidates().subList(0, 2)).noneMatch(limited.search()::excludes);
        assertThat(limited.segments()).hasSize(3);
        assertThat(free.segments()).hasSize(4);
    }

    @Test
    void whenEveryCandidateIsExcludedTheSegmentationFailsSayingWhatToChange() {
        assertThatThrownBy(() -> SegmentationEngine.segment(groups(), Preprocessing.DEFAULT, 4, 4,
                KSelectionMethod.SILHOUETTE, 0.02, Fitting.restarts(5), 3, Stability.OFF, new RunControl()))
                .isInstanceOf(EngineException.class)
                .hasMessage("Every k from 4 to 4 has a segment smaller than minSegmentShare (2% of the customers): the "
                        + "largest smallest segment, at k = 4, holds 0.8264%. Lower minSegmentShare, or try smaller k.");
    }

    static FeatureMatrix groups() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
        int[] sizes = {200, 200, 200, 5};
        List<double[]> rows = new ArrayList<>();
        for (int group = 0; group < 4; group++) {
            for (int i = 0; i < sizes[group]; i++) {
                rows.add(new double[] {centres[group][0] + random.nextDouble() - 0.5,
                        centres[group][1] + random.nextDouble() - 0.5});
            }
        }
        return new FeatureMatrix(List.of("x", "y"), rows.toArray(double[][]::new));
    }
}
