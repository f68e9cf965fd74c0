package org.customersegmentation.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the append-only audit log. */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action after the fact, in one statement: a failure to record it (the database gone) is logged, in
     * one line with what would have been recorded, and does not undo what was done.
     */
    public void record(String tenant, String actor, String action, String resourceType, String resourceId, int outcome,
                       String requestId) {
        try {
            jdbc.update("INSERT INTO audit_event (occurred_at, tenant_id, actor, action, resource_type, resource_id, "
                            + "outcome, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(Instant.now(clock)),
                    tenant, actor, action, resourceType, resourceId, outcome, requestId);
        } catch (RuntimeException e) {
            log.warn("Could not record audit event {} {} {} {}/{} -> {}: {}", tenant, actor, action, resourceType,
                    resourceId, outcome, e.toString());
        }
    }

    /** Newest first, of one tenant when given, between from (inclusive) and to (exclusive) when given. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> find(String tenant, Instant from, Instant to, Pageable page) {
        String where = " WHERE (?::text IS NULL OR tenant_id = ?) AND (?::timestamptz IS NULL OR occurred_at >= ?) "
                + "AND (?::timestamptz IS NULL OR occurred_at < ?)";
        Object[] filters = {tenant, tenant, timestamp(from), timestamp(from), timestamp(to), timestamp(to)};
        Long total = jdbc.queryForObject("SELECT count(*) FROM audit_event" + where, Long.class, filters);
        List<AuditEvent> events = jdbc.query("SELECT * FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC "
                + "LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset(), (row, number) -> new AuditEvent(
                        row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("tenant_id"),
                        row.getString("actor"), row.getString("action"), row.getString("resource_type"),
                        row.getString("resource_id"), row.getInt("outcome"), row.getString("request_id")), filters);
        return new PageImpl<>(events, page, total);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
