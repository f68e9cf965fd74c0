package org.customersegmentation.segmentation.callback;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.customersegmentation.common.DomainException;
import org.customersegmentation.observability.LogContext;
import org.customersegmentation.observability.TraceContexts;
import org.customersegmentation.security.Hmac;
import org.customersegmentation.segmentation.job.JobView;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a finished job to its callbackUrl, signed. A delivery that fails throws, and the scheduler tries it again
 * with backoff; after {@link CallbackSettings#giveUpAfter()} it is given up. Each attempt's outcome is written to
 * the job's row, where the caller sees it.
 */
@Component
@EnableConfigurationProperties(CallbackSettings.class)
public class CallbackDelivery {

    static final String SIGNATURE = "X-Signature";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    private static final Logger log = LoggerFactory.getLogger(CallbackDelivery.class);

    private final SegmentationJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final CallbackTargets targets;
    private final CallbackSettings settings;
    private final JsonMapper json;
    private final TraceContexts traces;
    private final Clock clock;
    // no redirects: a redirect could lead a callback where it may not go
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    CallbackDelivery(SegmentationJobRepository jobs, JdbcTemplate jdbc, CallbackTargets targets,
                     CallbackSettings settings, JsonMapper json, TraceContexts traces, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.targets = targets;
        this.settings = settings;
        this.json = json;
        this.traces = traces;
        this.clock = clock;
    }

    /** Delivers in the trace of the request that created the job, which the receiver can join: it gets traceparent. */
    public void deliver(UUID jobId) throws IOException, InterruptedException {
        SegmentationJob job = jobs.findById(jobId).orElse(null);
        if (job == null || job.request().callbackUrl() == null) {
            return; // deleted meanwhile
        }
        try (TraceContexts.Continued trace = traces.continueTrace(job.traceParent(), "segmentation-callback");
             LogContext jobLog = LogContext.job(jobId, job.tenantId())) {
            deliver(job);
        }
    }

    private void deliver(SegmentationJob job) throws IOException, InterruptedException {
        UUID jobId = job.id();
        Instant now = Instant.now(clock);
        if (job.finishedAt() != null && now.isAfter(job.finishedAt().plus(settings.giveUpAfter()))) {
            log.warn("Giving up the callback of job {} of tenant {}: undelivered for {}", jobId, job.tenantId(),
                    settings.giveUpAfter());
            record(jobId, "GAVE_UP", null, job.callbackLastError());
            return;
        }
        URI target = job.request().callbackUrl();
        try {
            targets.requireDeliverable(target);
        } catch (DomainException e) {
            log.warn("Not delivering the callback of job {} of tenant {}: {}", jobId, job.tenantId(), e.getMessage());
            record(jobId, "GAVE_UP", null, e.getMessage());
            return;
        } catch (UnknownHostException e) {
            record(jobId, "PENDING", now, "The host cannot be resolved.");
            throw new IOException("The callback host of job " + jobId + " cannot be resolved", e);
        }
        String body = json.writeValueAsString(JobView.of(job));
        String timestamp = Long.toString(now.getEpochSecond());
        String secret = settings.secretOf(job.tenantId()).orElse(null);
        if (secret == null) { // taken out of the configuration since the job started
            log.warn("Not delivering the callback of job {} of tenant {}: no callback secret", jobId, job.tenantId());
            record(jobId, "GAVE_UP", null, "The tenant has no callback secret configured.");
            return;
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        traces.headers().forEach(post::header);
        int status;
        try {
            status = http.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            record(jobId, "PENDING", now, "The POST failed: " + e.getClass().getSimpleName() + ".");
            throw e;
        }
        if (status / 100 != 2) {
            record(jobId, "PENDING", now, "The POST was answered " + status + ".");
            throw new IOException("The callback of job " + jobId + " was answered " + status);
        }
        record(jobId, "DELIVERED", now, null);
        log.info("Delivered the callback of job {} of tenant {}", jobId, job.tenantId());
    }

    /** Writes an attempt's outcome (attemptedAt set) or the end of the retries (attemptedAt null) to the job. */
    private void record(UUID jobId, String status, Instant attemptedAt, String error) {
        if (attemptedAt == null) {
            jdbc.update("UPDATE segmentation_job SET callback_status = ?, callback_last_error = ? WHERE id = ?",
                    status, error, jobId);
        } else {
            jdbc.update("UPDATE segmentation_job SET callback_status = ?, callback_attempts = callback_attempts + 1, "
                    + "callback_last_attempt_at = ?, callback_last_error = ? WHERE id = ?",
                    status, Timestamp.from(attemptedAt), error, jobId);
        }
    }

    /** Hex HMAC-SHA256 of the text with the secret. */
    static String sign(String secret, String text) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), text));
    }
}
