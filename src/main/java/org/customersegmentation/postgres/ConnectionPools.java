package org.customersegmentation.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Two connection pools on the one database. HTTP requests take connections from {@code requests}
 * ({@code spring.datasource.hikari.*}), which waits only briefly for one: while the database is down, a caller
 * gets a 503 within seconds rather than after half a minute. Everything else (jobs, the scheduler, callbacks,
 * housekeeping) takes them from {@code background} ({@code segmentation.database.background.*}), which waits
 * longer, so that work in progress rides out a database restart instead of failing. The application sees one
 * DataSource, which picks the pool by the thread asking.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionPools {

    enum Pool {
        REQUESTS,
        BACKGROUND
    }

    @Bean(defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource requestPool(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean(defaultCandidate = false)
    @ConfigurationProperties("segmentation.database.background")
    HikariDataSource backgroundPool(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    DataSource dataSource(@Qualifier("requestPool") HikariDataSource requestPool,
                          @Qualifier("backgroundPool") HikariDataSource backgroundPool) {
        return new ByThread(requestPool, backgroundPool);
    }

    @Bean
    PoolSizes poolSizes(@Qualifier("requestPool") HikariDataSource requestPool,
                        @Qualifier("backgroundPool") HikariDataSource backgroundPool) {
        return new PoolSizes(requestPool.getMaximumPoolSize(), backgroundPool.getMaximumPoolSize());
    }

    /** Spring Boot's JPA transaction manager, but for what a broken connection does to a rollback (see below). */
    @Bean
    JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager manager = new RollbackOnBrokenConnection();
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }

    /**
     * When PostgreSQL terminates a connection mid-transaction, the pool closes it, and the rollback that follows
     * the failure fails in turn ("Connection is closed", with no SQLSTATE). Spring would then throw that instead of
     * the failure itself (SQLSTATE 57P01 or 08006), which says what happened, and log the failure with its whole
     * stack trace. The database has rolled the transaction back already, as it does whenever a connection ends, so
     * the rollback's failure is only noted.
     */
    static final class RollbackOnBrokenConnection extends JpaTransactionManager {

        private static final Logger log = LoggerFactory.getLogger(RollbackOnBrokenConnection.class);

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            try {
                super.doRollback(status);
            } catch (TransactionException | DataAccessException e) {
                log.warn("Rollback failed on a broken connection, which the database rolls back itself: {}", e.toString());
            }
        }
    }

    /** The request pool on a thread serving an HTTP request, the background pool on any other. */
    static final class ByThread extends AbstractRoutingDataSource {

        ByThread(DataSource requests, DataSource background) {
            setTargetDataSources(Map.of(Pool.REQUESTS, requests, Pool.BACKGROUND, background));
            setDefaultTargetDataSource(background);
            afterPropertiesSet();
        }

        @Override
        protected Object determineCurrentLookupKey() {
            return RequestContextHolder.getRequestAttributes() != null ? Pool.REQUESTS : Pool.BACKGROUND;
        }
    }
}
