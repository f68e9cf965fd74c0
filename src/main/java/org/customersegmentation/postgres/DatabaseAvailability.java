package org.customersegmentation.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, checked every {@code segmentation.database.check-interval} (1 s) with a connection
 * from the request pool, which gives up within its short timeout. While it does not, the instance is not ready
 * ({@code /actuator/health/readiness} is DOWN, Spring Boot's {@link ReadinessState#REFUSING_TRAFFIC}), so that a
 * load balancer sends callers elsewhere, and API requests are answered 503 at once. It stays live: a restart
 * would not bring the database back.
 */
@Component
public class DatabaseAvailability {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource requestPool;
    private final ApplicationEventPublisher events;
    private volatile boolean down;

    DatabaseAvailability(@Qualifier("requestPool") DataSource requestPool, ApplicationEventPublisher events) {
        this.requestPool = requestPool;
        this.events = events;
    }

    /** Whether the last check found the database unreachable. */
    public boolean isDown() {
        return down;
    }

    @Scheduled(fixedDelayString = "${segmentation.database.check-interval:1s}")
    void check() {
        boolean reachable;
        try (Connection connection = requestPool.getConnection()) {
            reachable = connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            reachable = false;
        }
        if (reachable == down) {
            down = !reachable;
            if (down) {
                log.warn("The database is unreachable: refusing traffic until it answers again");
            } else {
                log.info("The database answers again: accepting traffic");
            }
            AvailabilityChangeEvent.publish(events, this,
                    down ? ReadinessState.REFUSING_TRAFFIC : ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
