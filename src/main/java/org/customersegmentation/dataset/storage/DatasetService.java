package org.customersegmentation.dataset.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.QuotaExceededException;
import org.customersegmentation.common.ServiceBusyException;
import org.customersegmentation.dataset.DatasetDeleted;
import org.customersegmentation.dataset.ingest.DatasetIngestion;
import org.customersegmentation.dataset.ingest.RecordSource;
import org.customersegmentation.dataset.ingest.Upload;
import org.customersegmentation.dataset.ingest.UploadFormat;
import org.customersegmentation.dataset.ingest.UploadProperties;
import org.customersegmentation.dataset.web.DatasetView;
import org.customersegmentation.dataset.web.Decompression;
import org.customersegmentation.dataset.web.SizeLimitedInputStream;
import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.security.Tenant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@EnableConfigurationProperties(UploadProperties.class)
public class DatasetService {

    public static final int MAX_NAME_LENGTH = 200;

    private final DatasetRepository datasets;
    private final DatasetIngestion ingestion;
    private final RowTable rowTable;
    private final UploadProperties limits;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Semaphore streaming;
    private final TenantLimits tenantLimits;
    private final Map<String, Semaphore> tenantStreaming = new ConcurrentHashMap<>();

    DatasetService(DatasetRepository datasets, DatasetIngestion ingestion, RowTable rowTable, UploadProperties limits,
                   TenantLimits tenantLimits, ApplicationEventPublisher events,
                   PlatformTransactionManager transactionManager) {
        this.datasets = datasets;
        this.ingestion = ingestion;
        this.rowTable = rowTable;
        this.limits = limits;
        this.tenantLimits = tenantLimits;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.streaming = new Semaphore(limits.maxConcurrent());
    }

    /**
     * Streams the upload into PostgreSQL in one transaction: the body is read as it arrives, and a rejected,
     * interrupted or failed upload leaves nothing behind. A tenant streams at most its concurrentUploads at once on
     * an instance (429 beyond), below the instance's maxConcurrent for all tenants (503 beyond).
     *
     * @param body the body as sent; gzip is recognised by its magic bytes
     */
    public DatasetView upload(Tenant tenant, UploadFormat format, Character delimiter, Upload upload, InputStream body) {
        Upload checked = new Upload(checkedName(upload.name()), upload.idColumn(), upload.maxCategories());
        Semaphore tenantSlots = tenantStreaming.computeIfAbsent(tenant.id(),
                id -> new Semaphore(tenantLimits.of(tenant).concurrentUploads()));
        if (!tenantSlots.tryAcquire()) {
            throw new QuotaExceededException("Too many uploads at once", "You are already sending "
                    + tenantLimits.of(tenant).concurrentUploads() + " uploads to this instance, the most allowed to you "
                    + "at once; send this one when one of them has finished.", Map.of());
        }
        try {
            if (!streaming.tryAcquire()) {
                throw new ServiceBusyException("Too many uploads", "The service is already receiving "
                        + limits.maxConcurrent() + " uploads (segmentation.upload.max-concurrent); try again shortly.");
            }
            try (InputStream decoded = new SizeLimitedInputStream(Decompression.decode(body, limits.maxSize()),
                    limits.maxSize()); RecordSource source = format.open(decoded, delimiter, limits.maxColumns())) {
                return transaction.execute(status -> ingestion.ingest(tenant, checked, source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                streaming.release();
            }
        } finally {
            tenantSlots.release();
        }
    }

    private static String checkedName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || stripped.indexOf('\0') >= 0) {
            throw new InvalidInputException("Invalid dataset name",
                    "name must have between 1 and " + MAX_NAME_LENGTH + " characters and no NUL character.");
        }
        return stripped;
    }

    @Transactional(readOnly = true)
    public DatasetView get(Tenant tenant, UUID id) {
        return DatasetView.of(datasets.require(tenant, id));
    }

    @Transactional(readOnly = true)
    public Page<DatasetView> list(Tenant tenant, Pageable pageable) {
        return datasets.findByTenantIdOrderByCreatedAtDesc(tenant.id(), pageable).map(DatasetView::of);
    }

    /**
     * Removes the dataset, its customers, and (through {@link DatasetDeleted} listeners) every job and result
     * derived from them, in one transaction.
     */
    @Transactional
    public void delete(Tenant tenant, UUID id) {
        Dataset dataset = datasets.require(tenant, id);
        events.publishEvent(new DatasetDeleted(id));
        datasets.delete(dataset);
        datasets.flush();
        rowTable.drop(id);
    }
}
