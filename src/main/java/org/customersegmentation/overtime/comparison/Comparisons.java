package org.customersegmentation.overtime.comparison;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.Download;
import org.customersegmentation.segmentation.Segmentations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a tenant's segmentation with another of its segmentations (an earlier month's, as a rule) on the
 * customers both segmented. Both are checked, in the snapshot that reads them, to be the tenant's and SUCCEEDED.
 */
@Service
class Comparisons {

    private final Segmentations segmentations;
    private final ComparisonStore store;
    private final JsonMapper json;

    Comparisons(Segmentations segmentations, ComparisonStore store, JsonMapper json) {
        this.segmentations = segmentations;
        this.store = store;
        this.json = json;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Comparison compare(Tenant tenant, UUID jobId, UUID with) {
        requireBoth(tenant, jobId, with);
        List<ComparisonStore.StoredSegment> to = store.segments(jobId);
        List<ComparisonStore.StoredSegment> from = store.segments(with);
        store.preferHashJoins();
        long[][] counts = store.contingency(jobId, with, from.size(), to.size());
        long common = Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
        List<Comparison.Stayed> stayed = new ArrayList<>();
        for (ComparisonStore.StoredSegment now : to) {
            from.stream().filter(then -> then.key().equals(now.key())).findFirst().ifPresent(then -> {
                long earlier = Arrays.stream(counts[then.segment()]).sum();
                long still = counts[then.segment()][now.segment()];
                stayed.add(new Comparison.Stayed(now.key(), earlier, still,
                        earlier == 0 ? null : (double) still / earlier));
            });
        }
        return new Comparison(jobId, with, common, size(to) - common, size(from) - common,
                AdjustedRandIndex.of(counts), new Comparison.Migration(refs(from), refs(to), counts), stayed);
    }

    /**
     * Streams, as CSV, every common customer whose key changed, in this job's row order.
     *
     * @param fromKey only those who had this key in {@code with}; all when null
     * @param toKey   only those who have this key in {@code jobId}; all when null
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, rollbackFor = IOException.class)
    public void exportCsv(Tenant tenant, UUID jobId, UUID with, String fromKey, String toKey, Download target)
            throws IOException {
        Filter filter = filter(tenant, jobId, with, fromKey, toKey);
        try (OutputStream out = target.openBuffered()) {
            store.writeCsv(jobId, with, filter.fromSegment(), filter.toSegment(), out);
        }
    }

    /** As {@link #exportCsv}, one JSON object per line: customerId, fromKey, fromName, toKey, toName. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, rollbackFor = IOException.class)
    public void exportNdjson(Tenant tenant, UUID jobId, UUID with, String fromKey, String toKey, Download target)
            throws IOException {
        Filter filter = filter(tenant, jobId, with, fromKey, toKey);
        try (OutputStream out = target.openBuffered()) {
            store.forEach(jobId, with, filter.fromSegment(), filter.toSegment(), mover -> {
                out.write(json.writeValueAsBytes(mover));
                out.write('\n');
            });
        }
    }

    private record Filter(Integer fromSegment, Integer toSegment) {
    }

    private Filter filter(Tenant tenant, UUID jobId, UUID with, String fromKey, String toKey) {
        requireBoth(tenant, jobId, with);
        Integer fromSegment = segmentOf(fromKey, "fromKey", with, store.segments(with));
        Integer toSegment = segmentOf(toKey, "toKey", jobId, store.segments(jobId));
        store.preferHashJoins();
        return new Filter(fromSegment, toSegment);
    }

    private void requireBoth(Tenant tenant, UUID jobId, UUID with) {
        segmentations.succeeded(tenant, jobId);
        segmentations.succeeded(tenant, with);
    }

    private static Integer segmentOf(String key, String parameter, UUID jobId,
                                     List<ComparisonStore.StoredSegment> segments) {
        if (key == null) {
            return null;
        }
        return segments.stream().filter(segment -> segment.key().equals(key)).findFirst()
                .map(ComparisonStore.StoredSegment::segment)
                .orElseThrow(() -> new InvalidInputException("Invalid request parameter", parameter + " " + key
                        + " is not a key of segmentation " + jobId + "; its keys are " + segments.stream()
                        .map(ComparisonStore.StoredSegment::key).collect(Collectors.joining(", ")) + ".",
                        Map.of("parameter", parameter)));
    }

    private static long size(List<ComparisonStore.StoredSegment> segments) {
        return segments.stream().mapToLong(ComparisonStore.StoredSegment::size).sum();
    }

    private static List<Comparison.SegmentRef> refs(List<ComparisonStore.StoredSegment> segments) {
        return segments.stream().map(ComparisonStore.StoredSegment::ref).toList();
    }
}
