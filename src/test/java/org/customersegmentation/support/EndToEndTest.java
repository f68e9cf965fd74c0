package org.customersegmentation.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port against real PostgreSQL, called over real HTTP. Every end-to-end test uses
 * the same properties, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "segmentation.api-keys=" + Tenants.ACME + "=" + Tenants.ACME_KEY + "," + Tenants.GLOBEX + "=" + Tenants.GLOBEX_KEY
                + "," + Tenants.INITECH + "=" + Tenants.INITECH_KEY + "," + Tenants.UMBRELLA + "=" + Tenants.UMBRELLA_KEY
                + "," + Tenants.FUZZ + "=" + Tenants.FUZZ_KEY,
        "segmentation.operator.key=" + Tenants.OPERATOR_KEY,
        // the default writes when keys were last used once a minute
        "segmentation.keys.last-used-interval=1s",
        // the retention task looks for expired datasets every second, not every hour
        "segmentation.retention.interval=1s",
        // jobs' metrics name acme; every other tenant is "other"
        "segmentation.metrics.tenants=" + Tenants.ACME,
        "db-scheduler.polling-interval=200ms",
        "db-scheduler.threads=2",
        // two of a tenant's jobs at once, as some tests need; the fairness test runs a process with one
        "segmentation.limits.defaults.running-jobs=2",
        // tests poll fast; one tenant keeps a limit they reach
        "segmentation.limits.defaults.requests-per-second=1000",
        "segmentation.limits.defaults.request-burst=1000",
        "segmentation.limits.tenants.umbrella.requests-per-second=2",
        "segmentation.limits.tenants.umbrella.request-burst=3",
        "segmentation.callbacks.secrets=" + Tenants.ACME + "=" + Tenants.ACME_CALLBACK_SECRET,
        "segmentation.callbacks.allowed-hosts=127.0.0.1",
        "segmentation.callbacks.first-retry=1s",
        "segmentation.callbacks.give-up-after=5s",
        "segmentation.upload.max-size=1MB",
        // uploads are abandoned below 64 KB/s averaged over 5 s rather than 30, so that a test sees it soon
        "segmentation.upload.throughput-window=5s"})
@Import({PostgresForTests.class, PausingResponses.class})
@ContextConfiguration(initializers = TestIdentityProvider.Initializer.class)
public @interface EndToEndTest {
}
