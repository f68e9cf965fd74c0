package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.UnprocessableContentException;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A request's cost, by hand: customers × dimensions × maxIterations × (Σk × restarts + resamples × k × starts). */
class AdmissionTest {

    /** 50,000 customers; age and income numeric, region categorical with 4 values: 6 dimensions one-hot. */
    final DatasetSchema dataset = new DatasetSchema(UUID.randomUUID(), "shop", 50_000, "id", Map.of(
            "age", new DatasetSchema.Column(ColumnType.NUMERIC, 0, 18.0, null),
            "income", new DatasetSchema.Column(ColumnType.NUMERIC, 0, 0.0, null),
            "region", new DatasetSchema.Column(ColumnType.CATEGORICAL, 0, null, 4)));

    EffectiveRequest request(Integer k, KRange range, int restarts, int maxIterations, StabilityOption stability) {
        return new EffectiveRequest(dataset.id(), k, range, range == null ? null : KSelectionMethod.SILHOUETTE,
                List.of("age", "income", "region"), Preprocessing.Scaling.STANDARD, List.of(),
                Preprocessing.Imputation.MEDIAN, 1, restarts, maxIterations, 1e-4, null, stability, null, null);
    }

    @Test
    void aFixedKCostsKPerCustomerDimensionIterationAndRestart() {
        Admission.Cost cost = Admission.cost(request(4, null, 10, 100, null), dataset);

        assertThat(cost.dimensions()).isEqualTo(6);
        assertThat(cost.total()).isEqualTo(50_000.0 * 6 * 4 * 10 * 100); // 1.2e9
    }

    @Test
    void aRangeCostsTheSumOfItsKs() {
        // the abusive request the issue found: kRange 2..100, 100 restarts, 1,000 iterations
        Admission.Cost cost = Admission.cost(request(null, new KRange(2, 100), 100, 1000, null), dataset);

        assertThat(cost.sumOfK()).isEqualTo(5049); // 2 + 3 + ... + 100
        assertThat(cost.total()).isEqualTo(50_000.0 * 6 * 5049 * 100 * 1000); // 1.51e14
    }

    @Test
    void stabilityAddsItsResamplesAtTheLargestKWithAtMostThreeStarts() {
        Admission.Cost cost = Admission.cost(request(null, new KRange(2, 10), 10, 100, new StabilityOption(20)), dataset);

        assertThat(cost.total()).isEqualTo(50_000.0 * 6 * 100 * (54 * 10 + 20 * 10 * 3));
    }

    @Test
    void beyondTheFitSampleTheFitsCountTheSampleAndTheRefinementEveryCustomer() {
        DatasetSchema large = new DatasetSchema(UUID.randomUUID(), "large", 1_000_000, null, dataset.columns());

        Admission.Cost cost = Admission.cost(request(null, new KRange(2, 10), 10, 100, null), large);

        // 50,000 sampled × 6 × 100 × (54 × 10), then 1,000,000 × 6 × (54 nearest-centre passes + 10 × 100 refining)
        assertThat(cost.total()).isEqualTo(50_000.0 * 6 * 100 * 540 + 1_000_000.0 * 6 * (54 + 1000));
    }

    @Test
    void aWorkingSetLargerThanOneJobsMemoryIsRefusedWithTheEstimateAndTheLimit() {
        // 50,000 × (64 + 24 × 6 dimensions + 12 × 9 candidates) = 50,000 × 316 = 15,800,000 bytes
        WorkingSet workingSet = Admission.workingSet(request(null, new KRange(2, 10), 10, 100, null), dataset);
        assertThat(workingSet.bytes()).isEqualTo(15_800_000L);

        assertThatThrownBy(() -> Admission.checkMemory(workingSet, 15_000_000L))
                .isInstanceOfSatisfying(UnprocessableContentException.class, problem -> {
                    assertThat(problem.getMessage()).isEqualTo("This segmentation needs an estimated 15.8 MB of memory "
                            + "(50,000 customers × (64 + 24 × 6 dimensions + 12 × 9 k to fit) bytes), more than the "
                            + "15.0 MB one job may use on this service. Segment fewer customers, use fewer features or "
                            + "categories, narrow kRange, or ask the operator for more memory per job.");
                    assertThat(problem.properties()).containsEntry("estimatedBytes", 15_800_000L)
                            .containsEntry("maxBytes", 15_000_000L);
                });
        assertThatCode(() -> Admission.checkMemory(workingSet, 15_800_000L)).doesNotThrowAnyException();
    }

    @Test
    void oneJobMayUseItsPartOfTheHeapShareUnlessItsMemoryIsSet() {
        long heap = 6L << 30;

        assertThat(new JobMemory(0.8, null).perJobBytes(heap, 2)).isEqualTo((long) (heap * 0.8 / 2));
        assertThat(new JobMemory(0.8, DataSize.ofGigabytes(5)).perJobBytes(heap, 2)).isEqualTo(5L << 30);
    }
}
