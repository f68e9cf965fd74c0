package org.customersegmentation.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.customersegmentation.dataset.DatasetDeleted;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.result.SegmentRenamed;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.SegmentationDeleted;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The models of recently scored segmentations, so that scoring a new customer usually reads nothing from the
 * database. Entries are the tenant's own (the key holds the tenant), at most {@link #CAPACITY} are kept (Caffeine
 * chooses which go), and a deleted job's or dataset's go as soon as the delete commits on this instance. Another
 * instance may delete them meanwhile, so an entry is trusted for {@link #RECHECK_AFTER_NANOS} only; then the next
 * scoring checks again that the job still exists, for that tenant, and SUCCEEDED, and reads the segments' names
 * again, which people may change at any time (a rename on this instance drops the entry at once).
 */
@Component
class ModelCache {

    static final int CAPACITY = 256;
    static final long RECHECK_AFTER_NANOS = 2_000_000_000L;

    /** A segmentation's model with what scoring echoes: the ID column and the segments' keys, labels and names. */
    record Scorer(UUID datasetId, SegmentModel model, String idColumn, List<String> keys, List<String> labels,
                  List<String> names) {

        Scorer withNames(List<String> current) {
            return new Scorer(datasetId, model, idColumn, keys, labels, current);
        }
    }

    private record Key(Tenant tenant, UUID jobId) {
    }

    private record Cached(Scorer scorer, long checkedAt) {
    }

    private final Cache<Key, Cached> entries = Caffeine.newBuilder().maximumSize(CAPACITY).build();
    private final LongSupplier nanoClock;

    ModelCache() {
        this(System::nanoTime);
    }

    ModelCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * The tenant's scorer for the job: {@code load} reads it when it is not cached; {@code recheck} runs when the
     * cached one has not been checked for a while: it answers the segments' names as they are now, and throws if
     * the job may no longer be scored.
     */
    Scorer get(Tenant tenant, UUID jobId, Function<UUID, Scorer> load, Function<UUID, List<String>> recheck) {
        Key key = new Key(tenant, jobId);
        Cached entry = entries.getIfPresent(key);
        long now = nanoClock.getAsLong();
        if (entry != null && now - entry.checkedAt() < RECHECK_AFTER_NANOS) {
            return entry.scorer();
        }
        Scorer scorer;
        if (entry != null) {
            try {
                scorer = entry.scorer().withNames(recheck.apply(jobId));
            } catch (RuntimeException gone) {
                entries.invalidate(key);
                throw gone;
            }
        } else {
            scorer = load.apply(jobId); // loaded outside any lock: one slow job must not hold up the others
        }
        entries.put(key, new Cached(scorer, now));
        return scorer;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SegmentationDeleted event) {
        entries.asMap().keySet().removeIf(key -> key.jobId().equals(event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SegmentRenamed event) {
        entries.asMap().keySet().removeIf(key -> key.jobId().equals(event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DatasetDeleted event) {
        entries.asMap().values().removeIf(entry -> entry.scorer().datasetId().equals(event.datasetId()));
    }
}
