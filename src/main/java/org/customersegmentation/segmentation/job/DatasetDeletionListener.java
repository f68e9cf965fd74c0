package org.customersegmentation.segmentation.job;

import org.customersegmentation.dataset.DatasetDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's erasure reaches into results: when a dataset is deleted, its jobs go too, in the same
 * transaction. A worker still running one of them finds its claim gone and drops its outcome.
 */
@Component
class DatasetDeletionListener {

    private static final Logger log = LoggerFactory.getLogger(DatasetDeletionListener.class);

    private final SegmentationJobRepository jobs;
    DatasetDeletionListener(SegmentationJobRepository jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void on(DatasetDeleted event) {
        int removed = jobs.deleteByDatasetId(event.datasetId());
        log.info("Dataset {} deleted with its {} segmentation job(s)", event.datasetId(), removed);
    }
}
