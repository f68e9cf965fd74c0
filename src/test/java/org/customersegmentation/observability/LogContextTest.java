package org.customersegmentation.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aJobNamedInsideARequestsContextLeavesTheRequestsTenantWhenItCloses() {
        UUID job = UUID.randomUUID();
        try (LogContext request = LogContext.tenant("acme")) {
            try (LogContext jobLog = LogContext.job(job, "globex")) {
                assertThat(MDC.get("jobId")).isEqualTo(job.toString());
                assertThat(MDC.get("tenant")).isEqualTo("globex");
            }
            assertThat(MDC.get("jobId")).isNull();
            assertThat(MDC.get("tenant")).isEqualTo("acme");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void namingTheJobAlreadyNamedChangesNothing() {
        UUID job = UUID.randomUUID();
        try (LogContext outer = LogContext.job(job, "acme")) {
            try (LogContext inner = LogContext.job(job, "acme")) {
                assertThat(MDC.get("jobId")).isEqualTo(job.toString());
            }
            assertThat(MDC.get("jobId")).isEqualTo(job.toString());
            assertThat(MDC.get("tenant")).isEqualTo("acme");
        }
    }
}
