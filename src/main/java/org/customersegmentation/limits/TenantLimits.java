package org.customersegmentation.limits;

import org.customersegmentation.security.Tenant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Each tenant's limits: {@code segmentation.limits.defaults.*}, with what {@code segmentation.limits.tenants.<tenant>.*}
 * sets for that tenant in their place.
 */
@Component
@EnableConfigurationProperties(LimitSettings.class)
public class TenantLimits {

    /**
     * @param runningJobs       jobs the tenant may have running (or handed to a worker) at once, across all replicas
     * @param maxJobCost        the most a job may cost, in distance terms (see the docs): customers × dimensions × the
     *                          sum of k × restarts × maxIterations, plus what stability resampling adds
     * @param concurrentUploads uploads the tenant may stream at once on one instance
     * @param requestsPerSecond requests the tenant may send per second, on average, across all replicas
     * @param requestBurst      requests the tenant may send at once after a quiet spell
     */
    public record Limits(int runningJobs, double maxJobCost, int concurrentUploads, int requestsPerSecond,
                         int requestBurst) {
    }

    private final LimitSettings settings;

    TenantLimits(LimitSettings settings) {
        this.settings = settings;
    }

    public Limits of(Tenant tenant) {
        return of(tenant.id());
    }

    public Limits of(String tenantId) {
        LimitSettings.Defaults defaults = settings.defaults();
        LimitSettings.Override override = settings.tenants().getOrDefault(tenantId, LimitSettings.Override.NONE);
        return new Limits(
                or(override.runningJobs(), defaults.runningJobs()),
                or(override.maxJobCost(), defaults.maxJobCost()),
                or(override.concurrentUploads(), defaults.concurrentUploads()),
                or(override.requestsPerSecond(), defaults.requestsPerSecond()),
                or(override.requestBurst(), defaults.requestBurst()));
    }

    /** The most concurrent uploads any tenant may have, by default or by its own limit. */
    public int mostConcurrentUploads() {
        return settings.tenants().keySet().stream().mapToInt(tenant -> of(tenant).concurrentUploads())
                .reduce(settings.defaults().concurrentUploads(), Math::max);
    }

    private static <T> T or(T override, T fallback) {
        return override != null ? override : fallback;
    }
}
