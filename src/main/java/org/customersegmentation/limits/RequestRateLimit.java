package org.customersegmentation.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemTypes;
import org.customersegmentation.web.ProblemWriter;
import org.customersegmentation.web.ServiceFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each tenant's API requests are counted against a token bucket of {@code requestBurst} tokens refilled at
 * {@code requestsPerSecond} (see {@link TenantLimits}), kept in PostgreSQL by Bucket4j so that the limit holds
 * across replicas. Every answer says where the tenant stands, in the IETF RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "tenant";q=<burst>;w=<seconds to refill it>} and
 * {@code RateLimit: "tenant";r=<requests left>}. A request over the limit is a 429 problem with Retry-After, which
 * the {@code RateLimit} field's {@code t} repeats.
 *
 * <p>Each instance counts a tenant's requests against its copy of the bucket and writes them to PostgreSQL once a
 * tenth of the burst has been taken, or {@link #SYNC_INTERVAL} has passed (Bucket4j's delaying optimization), rather
 * than with a transaction per request: each instance can let through at most a tenth of the burst more than the
 * limit, and no request waits for a commit.
 */
@Configuration(proxyBeanMethods = false)
class RequestRateLimit {

    private static final Logger log = LoggerFactory.getLogger(RequestRateLimit.class);
    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    private static final String NAME = "\"tenant\"";

    static final Duration SYNC_INTERVAL = Duration.ofMillis(200);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** This instance's copy of each tenant's bucket, by tenant and configuration version. */
    private final Cache<String, Bucket> local = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(10_000).build();
    private final TenantLimits limits;

    RequestRateLimit(DataSource dataSource, TenantLimits limits) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.limits = limits;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestRateLimitFilter(JsonMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication == null || !(authentication.getPrincipal() instanceof Tenant tenant)) {
                    chain.doFilter(request, response); // refused as unauthenticated, or not the API
                    return;
                }
                TenantLimits.Limits limit = limits.of(tenant);
                ConsumptionProbe probe;
                try {
                    probe = consume(tenant, limit);
                } catch (RuntimeException e) {
                    ProblemDetail fault = ServiceFaults.problemFor(e);
                    if (fault == null) {
                        throw e;
                    }
                    log.warn("{}: the request rate could not be counted ({})", fault.getTitle(), e.toString());
                    ProblemWriter.write(response, json, fault, ServiceFaults.RETRY_AFTER_SECONDS);
                    return;
                }
                response.setHeader(POLICY, NAME + ";q=" + limit.requestBurst() + ";w=" + refillSeconds(limit));
                if (probe.isConsumed()) {
                    response.setHeader(STATE, NAME + ";r=" + probe.getRemainingTokens());
                    chain.doFilter(request, response);
                    return;
                }
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
                ProblemDetail problem = ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "You sent more than the " + plural(limit.requestsPerSecond(), "request") + " a second (in "
                                + "bursts of up to " + limit.requestBurst() + ") allowed to you; wait " + wait
                                + " s before sending more.");
                response.setHeader(STATE, NAME + ";r=0;t=" + wait);
                ProblemWriter.write(response, json, problem, wait);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        // after Spring Security (-100), which has told who the tenant is
        registration.setOrder(-90);
        return registration;
    }

    private ConsumptionProbe consume(Tenant tenant, TenantLimits.Limits limit) {
        // the configuration's version follows its numbers, so that a changed limit replaces a bucket's stored one
        long version = 31L * limit.requestsPerSecond() + limit.requestBurst();
        Bucket bucket = local.get(tenant.id() + "/" + version, key -> buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(Math.max(1, limit.requestBurst() / 10),
                        SYNC_INTERVAL)))
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                .build("requests:" + tenant.id(), () -> BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.requestBurst())
                                .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                        .build()));
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** How long an empty bucket takes to fill again: the window of the policy's quota. */
    private static long refillSeconds(TenantLimits.Limits limit) {
        return Math.max(1, (limit.requestBurst() + limit.requestsPerSecond() - 1) / limit.requestsPerSecond());
    }

    /** Buckets left alone until full again are the same as none. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void forgetFullBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // another batch
        }
    }
}
