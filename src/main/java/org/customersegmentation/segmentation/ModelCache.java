package org.customersegmentation.segmentation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.customersegmentation.engine.SegmentModel;
import org.springframework.stereotype.Component;

/**
 * The models of recently scored segmentations, so that scoring a new customer reads nothing from the database
 * but the job's status. Least recently used models go first; a deleted dataset's models go at once.
 */
@Component
class ModelCache {

    static final int CAPACITY = 256;

    /** A segmentation's model with what scoring echoes: the ID column and the segments' labels. */
    record Scorer(UUID datasetId, SegmentModel model, String idColumn, List<String> labels) {
    }

    private final Map<UUID, Scorer> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Scorer> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Scorer get(UUID jobId, Function<UUID, Scorer> load) {
        Scorer entry = entries.get(jobId);
        if (entry == null) {
            entry = load.apply(jobId);
            entries.put(jobId, entry);
        }
        return entry;
    }

    synchronized void evict(UUID jobId) {
        entries.remove(jobId);
    }

    synchronized void evictDataset(UUID datasetId) {
        entries.values().removeIf(entry -> entry.datasetId().equals(datasetId));
    }
}
