package org.customersegmentation;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

// Callers authenticate with API keys, bearer tokens or the operator key: no user store, so no generated password either.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class SegmentationServiceApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SegmentationServiceApplication.class);
        application.setDefaultProperties(Map.of("db-scheduler.threads", defaultJobThreads()));
        application.run(args);
    }

    /**
     * Jobs one instance runs at once unless DB_SCHEDULER_THREADS says otherwise: one per two cores, and at least two,
     * so that while one tenant's job runs another tenant's can start (a tenant runs one at a time by default).
     */
    static int defaultJobThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Ticks in microseconds, the precision PostgreSQL keeps, so a time we answer with equals the one read back. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
