package org.customersegmentation.dataset.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.postgres.PoolSizes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upload and tenant limits that cannot work stop the service at start, with a message naming the settings. */
class UploadCapacityTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(UploadProperties.class)
    static class TenPooledConnections {
        @Bean
        PoolSizes poolSizes() {
            return new PoolSizes(10, 10);
        }
    }

    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(TenPooledConnections.class, TenantLimits.class, UploadCapacity.class);

    @Test
    void theDefaultsStart() {
        service.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void asManyUploadSlotsAsPooledConnectionsIsRefused() {
        service.withPropertyValues("segmentation.upload.max-concurrent=10").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith("segmentation.upload.max-concurrent (10) must be below "
                        + "the request pool's size, spring.datasource.hikari.maximum-pool-size (10)"));
    }

    @Test
    void aTenantAllowedMoreUploadsThanTheInstanceIsRefused() {
        service.withPropertyValues("segmentation.upload.max-concurrent=4",
                "segmentation.limits.tenants.acme.concurrent-uploads=6").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageStartingWith("segmentation.limits lets a tenant stream 6 uploads at "
                        + "once (concurrent-uploads), more than segmentation.upload.max-concurrent (4)"));
    }

    @Test
    void negativeOrZeroLimitsAreRefusedNamingTheSetting() {
        service.withPropertyValues("segmentation.upload.max-concurrent=-1").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("segmentation.upload.max-concurrent"));
        // Spring Boot's start-up report names the property as set, from these field errors
        service.withPropertyValues("segmentation.limits.defaults.running-jobs=0").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("object 'segmentation.limits' on field 'defaults.runningJobs'"));
        service.withPropertyValues("segmentation.limits.tenants.acme.requests-per-second=-5").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("segmentation.limits")
                        .hasStackTraceContaining("requestsPerSecond': rejected value [-5]"));
        service.withPropertyValues("segmentation.upload.min-throughput=0KB").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("segmentation.upload.min-throughput must be positive"));
    }
}
