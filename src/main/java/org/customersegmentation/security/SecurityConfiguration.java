package org.customersegmentation.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call under /api needs an X-API-Key header, except a report and its charts opened through their signed
 * reportUrl (see {@link ReportTokens}); Swagger UI, the API description and the health check are
 * open, and nothing else is.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Found by Spring Security's WebSecurity, which hands it to the FilterChainProxy. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(JsonMapper jsonMapper) {
        return new ProblemRequestRejectedHandler(jsonMapper);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, @Value("${segmentation.api-keys:}") String apiKeys,
                                    JsonMapper jsonMapper, ReportTokens reportTokens) {
        var entryPoint = new ProblemAuthenticationEntryPoint(jsonMapper);
        ApiKeys keys = ApiKeys.parse(apiKeys);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/v3/api-docs.yaml", "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AuthorizationFilter.class)
                .addFilterBefore(new ReportTokenAuthenticationFilter(reportTokens, keys), AuthorizationFilter.class)
                .build();
    }
}
