package org.customersegmentation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.customersegmentation.dataset.DatasetDeleted;
import org.customersegmentation.result.SegmentRenamed;
import org.customersegmentation.security.Tenant;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private static final Tenant OWNER = new Tenant("owner");
    private static final Tenant STRANGER = new Tenant("stranger");

    private final AtomicLong now = new AtomicLong();
    private final ModelCache cache = new ModelCache(now::get);
    private final UUID jobId = UUID.randomUUID();
    private final List<UUID> loads = new ArrayList<>();
    private final List<UUID> rechecks = new ArrayList<>();
    private final Function<UUID, List<String>> recheck = id -> {
        rechecks.add(id);
        return List.of("renamed");
    };

    private Function<UUID, ModelCache.Scorer> loadFor(Tenant tenant) {
        return id -> {
            loads.add(id);
            if (!tenant.equals(OWNER)) {
                throw new IllegalStateException("not found");
            }
            return new ModelCache.Scorer(UUID.randomUUID(), null, "id", List.of("S1"), List.of("a"), List.of("a"));
        };
    }

    @Test
    void aCachedScorerIsServedWithoutTheDatabaseUntilItIsDueForARecheck() {
        ModelCache.Scorer first = cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        now.addAndGet(ModelCache.RECHECK_AFTER_NANOS - 1);
        ModelCache.Scorer second = cache.get(OWNER, jobId, loadFor(OWNER), recheck);

        assertThat(second).isSameAs(first);
        assertThat(loads).containsExactly(jobId);
        assertThat(rechecks).isEmpty();
    }

    @Test
    void afterTheRecheckPeriodTheJobIsCheckedOnceAndTrustedAgain() {
        ModelCache.Scorer first = cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        now.addAndGet(ModelCache.RECHECK_AFTER_NANOS);
        ModelCache.Scorer rechecked = cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        assertThat(cache.get(OWNER, jobId, loadFor(OWNER), recheck)).isSameAs(rechecked);

        assertThat(rechecked.model()).isSameAs(first.model());
        assertThat(first.names()).containsExactly("a");
        assertThat(rechecked.names()).containsExactly("renamed");
        assertThat(loads).containsExactly(jobId);
        assertThat(rechecks).containsExactly(jobId);
    }

    @Test
    void aFailedRecheckDropsTheScorer() {
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        now.addAndGet(ModelCache.RECHECK_AFTER_NANOS);

        assertThatThrownBy(() -> cache.get(OWNER, jobId, loadFor(OWNER), id -> {
            throw new IllegalStateException("deleted elsewhere");
        })).hasMessage("deleted elsewhere");
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);

        assertThat(loads).containsExactly(jobId, jobId);
    }

    @Test
    void anotherTenantNeverGetsTheCachedScorer() {
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);

        assertThatThrownBy(() -> cache.get(STRANGER, jobId, loadFor(STRANGER), recheck)).hasMessage("not found");
        assertThat(loads).containsExactly(jobId, jobId);
        assertThat(cache.get(OWNER, jobId, loadFor(OWNER), recheck)).isNotNull();
        assertThat(loads).hasSize(2);
    }

    @Test
    void renamingASegmentDropsTheScorerSoThatTheNextScoringReadsTheNames() {
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        cache.on(new SegmentRenamed(jobId));
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);

        assertThat(loads).hasSize(2);
    }

    @Test
    void evictingADatasetDropsItsScorers() {
        ModelCache.Scorer first = cache.get(OWNER, jobId, loadFor(OWNER), recheck);
        cache.on(new DatasetDeleted(first.datasetId()));
        cache.get(OWNER, jobId, loadFor(OWNER), recheck);

        assertThat(loads).hasSize(2);
    }
}
