package org.customersegmentation.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL: a Testcontainers container when a Docker engine is available, otherwise the database
 * named by SPRING_DATASOURCE_URL. With neither, the tests fail and say how to provide one; they never skip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresForTests {

    static final String IMAGE = "postgres:17.6-alpine";

    @Bean
    @ServiceConnection
    @Conditional(DockerEngineAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(IMAGE);
    }

    static class DockerEngineAvailable implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return true;
            }
            String url = System.getenv("SPRING_DATASOURCE_URL");
            if (url == null || url.isBlank()) {
                url = System.getProperty("spring.datasource.url");
            }
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("The tests need PostgreSQL and found none: start a Docker engine "
                        + "(Testcontainers then runs " + IMAGE + "), or point SPRING_DATASOURCE_URL (with "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) at an empty database, e.g. "
                        + "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/segmentation_test");
            }
            return false;
        }
    }
}
