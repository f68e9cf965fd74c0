package org.customersegmentation.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Whose work a thread is doing, in the log context ({@code tenant}, {@code jobId}), so that every line it logs says
 * so: a plain line shows it in the MDC, a JSON one as members. Contexts nest: closing one restores what was there
 * before, and naming a job where it is already named changes nothing. A log call must not add these names as
 * key-value pairs too, or structured logging finds them twice.
 */
public final class LogContext implements AutoCloseable {

    static final String TENANT = "tenant";
    static final String JOB_ID = "jobId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
    }

    public static LogContext tenant(String tenant) {
        return new LogContext(Map.of(TENANT, tenant));
    }

    public static LogContext job(UUID jobId, String tenant) {
        return new LogContext(Map.of(JOB_ID, jobId.toString(), TENANT, tenant));
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
