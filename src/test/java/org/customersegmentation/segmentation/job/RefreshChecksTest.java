package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;

/** Which fields of a refresh come from the earlier job and which from the caller. */
class RefreshChecksTest {

    static final UUID EARLIER = UUID.randomUUID();
    static final UUID DATASET = UUID.randomUUID();
    final EffectiveRequest fixedK = earlier(5, null, null);
    final EffectiveRequest ranged = earlier(null, new KRange(3, 8), KSelectionMethod.ELBOW);

    static EffectiveRequest earlier(Integer k, KRange range, KSelectionMethod selection) {
        return new EffectiveRequest(UUID.randomUUID(), k, range, selection, List.of("age", "income"),
                Preprocessing.Scaling.ROBUST, List.of("income"), Preprocessing.Imputation.DROP_ROWS, 42, 7, 50, 1e-3,
                null, null, null, null);
    }

    static SegmentationRequest request(Integer k, KRange range, KSelectionMethod selection, List<String> features,
                                       Integer restarts) {
        return new SegmentationRequest(DATASET, EARLIER, k, range, selection, features, null, null, null, null,
                restarts, null, null, null, null, null);
    }

    @Test
    void aRefreshWithNothingButTheDatasetRunsAsTheEarlierJobDidWithANewSeed() {
        SegmentationRequest merged = RefreshChecks.merged(request(null, null, null, List.of(), null), ranged);

        assertThat(merged.datasetId()).isEqualTo(DATASET);
        assertThat(merged.k()).isNull();
        assertThat(merged.kRange()).isEqualTo(new KRange(3, 8));
        assertThat(merged.kSelection()).isEqualTo(KSelectionMethod.ELBOW);
        assertThat(merged.features()).containsExactly("age", "income"); // [] counts as not given
        assertThat(merged.scaling()).isEqualTo(Preprocessing.Scaling.ROBUST);
        assertThat(merged.logTransform()).containsExactly("income");
        assertThat(merged.missingValues()).isEqualTo(Preprocessing.Imputation.DROP_ROWS);
        assertThat(merged.restarts()).isEqualTo(7);
        assertThat(merged.maxIterations()).isEqualTo(50);
        assertThat(merged.tolerance()).isEqualTo(1e-3);
        assertThat(merged.seed()).isNull(); // RequestChecks draws a new one
    }

    @Test
    void aGivenKReplacesTheEarlierRangeAndItsSelection() {
        SegmentationRequest merged = RefreshChecks.merged(request(4, null, null, null, 2), ranged);

        assertThat(merged.k()).isEqualTo(4);
        assertThat(merged.kRange()).isNull();
        assertThat(merged.kSelection()).isNull();
        assertThat(merged.restarts()).isEqualTo(2);
    }

    @Test
    void aGivenRangeReplacesTheEarlierKAndKeepsAnEarlierSelectionOnlyWhenThereWasOne() {
        SegmentationRequest fromFixed = RefreshChecks.merged(request(null, new KRange(2, 6), null, null, null), fixedK);
        assertThat(fromFixed.k()).isNull();
        assertThat(fromFixed.kRange()).isEqualTo(new KRange(2, 6));
        assertThat(fromFixed.kSelection()).isNull(); // the default then applies

        SegmentationRequest fromRange = RefreshChecks.merged(request(null, new KRange(2, 6), null, null, null), ranged);
        assertThat(fromRange.kSelection()).isEqualTo(KSelectionMethod.ELBOW);

        SegmentationRequest newSelection = RefreshChecks.merged(
                request(null, null, KSelectionMethod.SILHOUETTE, null, null), ranged);
        assertThat(newSelection.kRange()).isEqualTo(new KRange(3, 8));
        assertThat(newSelection.kSelection()).isEqualTo(KSelectionMethod.SILHOUETTE);
    }

    @Test
    void stabilityCarriesOverAndAMinimumSegmentShareOnlyFromOneRangeToAnother() {
        EffectiveRequest measured = new EffectiveRequest(UUID.randomUUID(), null, new KRange(3, 8), null,
                List.of("age"), Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100,
                1e-4, null, new StabilityOption(20), 0.05, null);

        SegmentationRequest sameRange = RefreshChecks.merged(request(null, null, null, null, null), measured);
        assertThat(sameRange.stability()).isEqualTo(new StabilityOption(20));
        assertThat(sameRange.minSegmentShare()).isEqualTo(0.05);

        SegmentationRequest fixed = RefreshChecks.merged(request(4, null, null, null, null), measured);
        assertThat(fixed.stability()).isEqualTo(new StabilityOption(20));
        assertThat(fixed.minSegmentShare()).isNull(); // a fixed k would refuse it
    }
}
