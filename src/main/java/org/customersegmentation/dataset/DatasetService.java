package org.customersegmentation.dataset;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.InvalidRequestException;
import org.customersegmentation.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

@Service
class DatasetService {

    static final int MAX_NAME_LENGTH = 200;

    private final DatasetRepository datasets;
    private final DatasetRowStore rows;
    private final Clock clock;
    private final DataSize maxUploadSize;

    DatasetService(DatasetRepository datasets, DatasetRowStore rows, Clock clock,
                   @Value("${segmentation.upload.max-size:200MB}") DataSize maxUploadSize) {
        this.datasets = datasets;
        this.rows = rows;
        this.clock = clock;
        this.maxUploadSize = maxUploadSize;
    }

    /**
     * Parses the whole upload before anything is written, then stores the dataset and its rows in one
     * transaction: a rejected or failed upload leaves nothing behind.
     */
    @Transactional
    DatasetView upload(Tenant tenant, String name, String idColumn, InputStream csv) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("Invalid dataset name",
                    "name must have between 1 and " + MAX_NAME_LENGTH + " characters.");
        }
        ParsedDataset parsed = CsvDatasetParser.parse(new SizeLimitedInputStream(csv, maxUploadSize), idColumn);
        var columns = parsed.columns().stream()
                .map(column -> new DatasetColumn(column.name(), column.type(), column.missing(), column.arrayIndex()))
                .toList();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Dataset dataset = datasets.saveAndFlush(
                new Dataset(UUID.randomUUID(), tenant.id(), name.strip(), parsed.rowCount(), parsed.idColumn(), now, columns));
        rows.insert(dataset.id(), parsed);
        return DatasetView.of(dataset);
    }

    @Transactional(readOnly = true)
    DatasetView get(Tenant tenant, UUID id) {
        return datasets.findByIdAndTenantId(id, tenant.id())
                .map(DatasetView::of)
                .orElseThrow(() -> new NotFoundException("dataset", id));
    }

    @Transactional(readOnly = true)
    Page<DatasetView> list(Tenant tenant, Pageable pageable) {
        return datasets.findByTenantIdOrderByCreatedAtDesc(tenant.id(), pageable).map(DatasetView::of);
    }
}
