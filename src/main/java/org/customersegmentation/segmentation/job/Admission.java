package org.customersegmentation.segmentation.job;

import java.util.Locale;
import java.util.Map;
import org.customersegmentation.common.UnprocessableContentException;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.Stability;
import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Component;

/**
 * Refuses a job whose cost could exceed the tenant's budget before it is queued, rather than letting it hold a
 * worker for half an hour. The cost is the most work Lloyd's algorithm could do, counted in coordinates compared:
 * each iteration compares every customer with every centre in every dimension, so a fit of k costs
 * customers × dimensions × k per iteration, for at most maxIterations iterations, restarts times; a k range fits
 * every k in it; stability resampling refits the largest k on each resample.
 */
@Component
class Admission {

    /** What a request would cost at most, and the factors that say what to lower. */
    record Cost(long customers, int dimensions, long sumOfK, int restarts, int maxIterations, double resampling) {

        double total() {
            return (double) customers * dimensions * maxIterations * (sumOfK * (double) restarts + resampling);
        }
    }

    private final TenantLimits limits;

    Admission(TenantLimits limits) {
        this.limits = limits;
    }

    static Cost cost(EffectiveRequest request, DatasetSchema dataset) {
        long sumOfK;
        int largestK;
        if (request.k() != null) {
            sumOfK = request.k();
            largestK = request.k();
        } else {
            int min = request.kRange().min();
            int max = request.kRange().max();
            sumOfK = (long) (min + max) * (max - min + 1) / 2;
            largestK = max;
        }
        double resampling = request.stability() == null ? 0 : (double) request.stability().resamples() * largestK
                * Math.min(request.restarts(), Stability.RESAMPLE_RESTARTS);
        return new Cost(dataset.rowCount(), RequestChecks.dimensions(request.features(), dataset), sumOfK,
                request.restarts(), request.maxIterations(), resampling);
    }

    void check(Tenant tenant, EffectiveRequest request, DatasetSchema dataset) {
        Cost cost = cost(request, dataset);
        double budget = limits.of(tenant).maxJobCost();
        if (cost.total() > budget) {
            throw new UnprocessableContentException("Segmentation too costly", String.format(Locale.ROOT,
                    "This segmentation could take up to %.2g coordinate comparisons (%,d customers × %d dimensions × %d, the sum of "
                            + "the k to fit, × %d restarts × %d maxIterations%s), more than the %.2g allowed to you. "
                            + "Lower kRange.max, restarts or maxIterations, use fewer features, or segment fewer "
                            + "customers.", cost.total(), cost.customers(), cost.dimensions(), cost.sumOfK(),
                    cost.restarts(), cost.maxIterations(), cost.resampling() > 0 ? ", with stability resampling" : "",
                    budget),
                    Map.of("estimatedCost", cost.total(), "maxCost", budget));
        }
    }
}
