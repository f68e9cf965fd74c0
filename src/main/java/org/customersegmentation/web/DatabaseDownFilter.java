package org.customersegmentation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.customersegmentation.postgres.DatabaseAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is known to be down, API calls are answered 503 at once instead of each waiting for a
 * connection first. Health checks, Swagger UI and the API description are left alone.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseDownFilter {

    /**
     * Right after Spring's RequestContextFilter (-105), which marks the thread as serving a request (the connection
     * pools are chosen by that), and before Spring Security's filters (-100).
     */
    static final int ORDER = -104;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseDown(DatabaseAvailability database, JsonMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (database.isDown()) {
                    ProblemWriter.write(response, json, ServiceFaults.databaseUnavailable(),
                            ServiceFaults.RETRY_AFTER_SECONDS);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
