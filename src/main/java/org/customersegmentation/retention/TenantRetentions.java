package org.customersegmentation.retention;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Tenants' own dataset retention, where the operator has set one apart from segmentation.retention.datasets. */
@Service
class TenantRetentions {

    private final JdbcTemplate jdbc;

    TenantRetentions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Duration> of(String tenant) {
        List<Long> seconds = jdbc.queryForList("SELECT extract(epoch FROM dataset_lifetime)::bigint FROM tenant_retention "
                + "WHERE tenant_id = ?", Long.class, tenant);
        return seconds.stream().findFirst().map(Duration::ofSeconds);
    }

    /** One statement, so that two operators setting it at once leave one of their settings, whole. */
    void set(String tenant, Duration lifetime) {
        jdbc.update("INSERT INTO tenant_retention (tenant_id, dataset_lifetime) VALUES (?, make_interval(secs => ?)) "
                + "ON CONFLICT (tenant_id) DO UPDATE SET dataset_lifetime = excluded.dataset_lifetime", tenant,
                lifetime.toSeconds());
    }

    void clear(String tenant) {
        jdbc.update("DELETE FROM tenant_retention WHERE tenant_id = ?", tenant);
    }
}
