package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;

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
}
