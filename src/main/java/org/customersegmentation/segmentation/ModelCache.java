package org.customersegmentation.segmentation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Component;

/**
 * The models of recently scored segmentations, so that scoring a new customer usually reads nothing from the
 * database. Least recently used models go first; a deleted job's or dataset's models go at once on this instance.
 * Another instance may delete them meanwhile, so an entry is trusted for {@link #RECHECK_AFTER_NANOS} only; then
 * the next scoring checks again that the job still exists, for that tenant, and SUCCEEDED.
 */
@Component
class ModelCache {

    static final int CAPACITY = 256;
    static final long RECHECK_AFTER_NANOS = 2_000_000_000L;

    /** A segmentation's model with what scoring echoes: the ID column and the segments' labels. */
    record Scorer(Tenant tenant, UUID datasetId, SegmentModel model, String idColumn, List<String> labels) {
    }

    private record Cached(Scorer scorer, long checkedAt) {
    }

    private final Map<UUID, Cached> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CAPACITY;
        }
    };
    private final LongSupplier nanoClock;

    ModelCache() {
        this(System::nanoTime);
    }

    ModelCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * The tenant's scorer for the job: {@code load} reads it when it is not cached; {@code recheck} runs when the
     * cached one has not been checked for a while, and throws if the job may no longer be scored.
     */
    Scorer get(Tenant tenant, UUID jobId, Function<UUID, Scorer> load, Consumer<UUID> recheck) {
        Cached entry;
        synchronized (this) {
            entry = entries.get(jobId);
        }
        long now = nanoClock.getAsLong();
        boolean ours = entry != null && entry.scorer().tenant().equals(tenant);
        if (ours && now - entry.checkedAt() < RECHECK_AFTER_NANOS) {
            return entry.scorer();
        }
        Scorer scorer;
        if (ours) {
            try {
                recheck.accept(jobId);
            } catch (RuntimeException gone) {
                evict(jobId);
                throw gone;
            }
            scorer = entry.scorer();
        } else {
            scorer = load.apply(jobId); // another tenant's cached job is not found for this one
        }
        synchronized (this) {
            entries.put(jobId, new Cached(scorer, now));
        }
        return scorer;
    }

    synchronized void evict(UUID jobId) {
        entries.remove(jobId);
    }

    synchronized void evictDataset(UUID datasetId) {
        entries.values().removeIf(entry -> entry.scorer().datasetId().equals(datasetId));
    }
}
