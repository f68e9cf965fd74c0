package org.customersegmentation.segmentation.job;

import java.util.Locale;
import java.util.Map;
import org.customersegmentation.common.UnprocessableContentException;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.SegmentationEngine;
import org.customersegmentation.engine.Stability;
import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.security.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses, before it is queued, a job whose cost could exceed the tenant's budget, rather than letting it hold a
 * worker for half an hour, and a job whose working set would not fit in the heap one job may use, rather than
 * letting it run out of memory three times.
 *
 * <p>The cost is the most work Lloyd's algorithm could do, counted in coordinates compared: each iteration compares
 * every customer fitted with every centre in every dimension, so a fit of k costs customers × dimensions × k per
 * iteration, for at most maxIterations iterations, restarts times; a k range fits every k in it; stability
 * resampling refits the largest k on each resample. Beyond {@link SegmentationEngine#FIT_SAMPLE} customers the fits
 * run on a sample of that many, and every customer is then compared once with each k's centres and refined with
 * the largest k's for at most maxIterations.
 */
@Component
@EnableConfigurationProperties(JobMemory.class)
class Admission {

    /** What a request would cost at most, and the factors that say what to lower. */
    record Cost(long customers, int dimensions, long sumOfK, int largestK, int restarts, int maxIterations,
                double resampling) {

        long fitted() {
            return Math.min(customers, SegmentationEngine.FIT_SAMPLE);
        }

        double total() {
            double fits = (double) fitted() * dimensions * maxIterations * (sumOfK * (double) restarts + resampling);
            double refinement = customers > fitted()
                    ? (double) customers * dimensions * (sumOfK + (double) largestK * maxIterations) : 0;
            return fits + refinement;
        }
    }

    private final TenantLimits limits;
    private final long perJobMemory;

    Admission(TenantLimits limits, JobMemory memory, @Value("${db-scheduler.threads:10}") int jobThreads) {
        this.limits = limits;
        this.perJobMemory = memory.perJobBytes(Runtime.getRuntime().maxMemory(), jobThreads);
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
        return new Cost(dataset.rowCount(), RequestChecks.dimensions(request.features(), dataset), sumOfK, largestK,
                request.restarts(), request.maxIterations(), resampling);
    }

    static WorkingSet workingSet(EffectiveRequest request, DatasetSchema dataset) {
        int candidates = request.k() != null ? 1 : request.kRange().max() - request.kRange().min() + 1;
        return new WorkingSet(dataset.rowCount(), RequestChecks.dimensions(request.features(), dataset), candidates);
    }

    void check(Tenant tenant, EffectiveRequest request, DatasetSchema dataset) {
        checkCost(tenant, request, dataset);
        checkMemory(workingSet(request, dataset), perJobMemory);
    }

    static void checkMemory(WorkingSet workingSet, long perJobMemory) {
        if (workingSet.bytes() > perJobMemory) {
            throw new UnprocessableContentException("Segmentation too large for memory", String.format(Locale.ROOT,
                    "This segmentation needs an estimated %s of memory (%,d customers × (%d + %d × %d dimensions + "
                            + "%d × %d k to fit) bytes), more than the %s one job may use on this service. Segment "
                            + "fewer customers, use fewer features or categories, narrow kRange, or ask the operator "
                            + "for more memory per job.", megabytes(workingSet.bytes()), workingSet.customers(),
                    WorkingSet.BYTES_PER_CUSTOMER, WorkingSet.BYTES_PER_DIMENSION, workingSet.dimensions(),
                    WorkingSet.BYTES_PER_CANDIDATE, workingSet.candidates(), megabytes(perJobMemory)),
                    Map.of("estimatedBytes", workingSet.bytes(), "maxBytes", perJobMemory));
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private void checkCost(Tenant tenant, EffectiveRequest request, DatasetSchema dataset) {
        Cost cost = cost(request, dataset);
        double budget = limits.of(tenant).maxJobCost();
        if (cost.total() > budget) {
            throw new UnprocessableContentException("Segmentation too costly", String.format(Locale.ROOT,
                    "This segmentation could take up to %.2g coordinate comparisons (%s%,d customers × %d dimensions × %d, "
                            + "the sum of the k to fit, × %d restarts × %d maxIterations%s%s), more than the %.2g allowed "
                            + "to you. Lower kRange.max, restarts or maxIterations, use fewer features, or segment "
                            + "fewer customers.", cost.total(), cost.customers() > cost.fitted() ? "a sample of " : "",
                    cost.fitted(), cost.dimensions(), cost.sumOfK(),
                    cost.restarts(), cost.maxIterations(), cost.resampling() > 0 ? ", with stability resampling" : "",
                    cost.customers() > cost.fitted() ? String.format(Locale.ROOT, ", then the refinement on all "
                            + "%,d customers", cost.customers()) : "",
                    budget),
                    Map.of("estimatedCost", cost.total(), "maxCost", budget));
        }
    }
}
