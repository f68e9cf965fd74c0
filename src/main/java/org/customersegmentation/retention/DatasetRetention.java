package org.customersegmentation.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.audit.AuditLog;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.postgres.DatabaseFaults;
import org.customersegmentation.security.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes datasets past their tenant's retention, with their jobs, results, assignments and row table, as a
 * db-scheduler recurring task: one execution for the whole cluster, so one instance runs it at a time. Each
 * deletion is an audit event by {@code retention}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
class DatasetRetention {

    static final String TASK = "dataset-retention";
    static final String ACTOR = "retention";
    private static final Logger log = LoggerFactory.getLogger(DatasetRetention.class);

    private record Expired(UUID id, String tenant) {
    }

    private final JdbcTemplate jdbc;
    private final Datasets datasets;
    private final AuditLog audit;
    private final RetentionSettings settings;

    DatasetRetention(JdbcTemplate jdbc, Datasets datasets, AuditLog audit, RetentionSettings settings) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.audit = audit;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> datasetRetentionTask() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.interval())).execute((instance, context) -> deleteExpired());
    }

    /** Deletes every dataset older than its tenant's retention; how many it deleted. */
    int deleteExpired() {
        List<Expired> expired = jdbc.query("SELECT d.id, d.tenant_id FROM dataset d LEFT JOIN tenant_retention r "
                        + "ON r.tenant_id = d.tenant_id WHERE d.created_at < now() - coalesce(r.dataset_lifetime, "
                        + "make_interval(secs => ?)) ORDER BY d.created_at",
                (row, number) -> new Expired(row.getObject("id", UUID.class), row.getString("tenant_id")),
                Optional.ofNullable(settings.datasets()).map(Duration::toSeconds).orElse(null));
        int deleted = 0;
        for (Expired dataset : expired) {
            try {
                datasets.delete(new Tenant(dataset.tenant()), dataset.id());
            } catch (NotFoundException deletedMeanwhile) {
                continue;
            } catch (RuntimeException e) {
                if (DatabaseFaults.isConnectionFault(e)) {
                    throw e; // the database is away: every other deletion would wait for it too; the next run retries
                }
                // one dataset that cannot be deleted now (a lock, say) must not hold up the others: the next run retries
                log.warn("Dataset {} of tenant {} is past its retention but could not be deleted: {}", dataset.id(),
                        dataset.tenant(), e.toString());
                continue;
            }
            audit.record(dataset.tenant(), ACTOR, "expireDataset", "dataset", dataset.id().toString(), 204, null);
            log.info("Dataset {} of tenant {} deleted: older than its retention", dataset.id(), dataset.tenant());
            deleted++;
        }
        return deleted;
    }
}
