package org.customersegmentation.dataset;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.InvalidRequestException;
import org.customersegmentation.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

@Service
class DatasetService {

    static final int MAX_NAME_LENGTH = 200;

    private final DatasetRepository datasets;
    private final DatasetRowStore rows;
    private final Clock clock;
    private final DataSize maxUploadSize;
    private final TransactionTemplate transaction;

    DatasetService(DatasetRepository datasets, DatasetRowStore rows, Clock clock,
                   @Value("${segmentation.upload.max-size}") DataSize maxUploadSize,
                   PlatformTransactionManager transactionManager) {
        this.datasets = datasets;
        this.rows = rows;
        this.clock = clock;
        this.maxUploadSize = maxUploadSize;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Parses the whole upload first, outside any transaction (a slow client must not hold a database
     * connection), then stores the dataset and its rows in one transaction: a rejected or failed upload leaves
     * nothing behind.
     */
    DatasetView upload(Tenant tenant, String name, String idColumn, InputStream csv) {
        String checkedName = checkedName(name);
        ParsedDataset parsed = CsvDatasetParser.parse(new SizeLimitedInputStream(csv, maxUploadSize), idColumn);
        return transaction.execute(status -> store(tenant, checkedName, parsed));
    }

    /** Writes a parsed dataset; the caller's transaction makes the dataset row and its customers one unit. */
    DatasetView store(Tenant tenant, String name, ParsedDataset parsed) {
        var columns = parsed.columns().stream()
                .map(column -> new DatasetColumn(column.name(), column.type(), column.missing(), column.arrayIndex()))
                .toList();
        Dataset dataset = datasets.saveAndFlush(new Dataset(UUID.randomUUID(), tenant.id(), name, parsed.rowCount(),
                parsed.idColumn(), Instant.now(clock), columns));
        rows.insert(dataset.id(), parsed);
        return DatasetView.of(dataset);
    }

    private static String checkedName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || stripped.indexOf('\0') >= 0) {
            throw new InvalidRequestException("Invalid dataset name",
                    "name must have between 1 and " + MAX_NAME_LENGTH + " characters and no NUL character.");
        }
        return stripped;
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
