package org.customersegmentation.security.http;

import org.customersegmentation.security.OperatorSettings;
import org.customersegmentation.security.ReportTokens;
import org.customersegmentation.security.Scope;
import org.customersegmentation.security.TenantKeys;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The operator's: {@code /admin/**} and the management endpoints but health, opened by
 * {@code X-Operator-Key} alone (with no operator key set, the operator API does not exist and metrics are closed).
 * The tenants': every call under {@code /api} needs an API key, or a bearer token from the configured identity
 * provider (OAuth2 client credentials, off unless {@code spring.security.oauth2.resourceserver.jwt.*} is set), or a
 * report link's token for a report and its charts. Their scopes decide what it may do: reading (GET), writing (POST,
 * PATCH, PUT) or deleting (DELETE).
 * Swagger UI, the API description and the health checks are open, and nothing else is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorSettings.class)
class SecurityConfiguration {

    /** Found by Spring Security's WebSecurity, which hands it to the FilterChainProxy. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(JsonMapper jsonMapper) {
        return new ProblemRequestRejectedHandler(jsonMapper);
    }

    @Bean
    @Order(1)
    SecurityFilterChain operatorSecurity(HttpSecurity http, OperatorSettings operator, JsonMapper jsonMapper) {
        operator.checked();
        return stateless(http)
                .securityMatcher("/admin/**", "/actuator/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (!operator.enabled()) {
                        requests.requestMatchers("/admin/**").permitAll(); // nothing answers there: a 404
                    }
                    requests.anyRequest().hasAuthority(OperatorAuthenticationFilter.AUTHORITY);
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemAuthenticationEntryPoint.forOperator(jsonMapper)))
                .addFilterBefore(new OperatorAuthenticationFilter(operator), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, TenantKeys keys, JsonMapper jsonMapper, ReportTokens reportTokens,
                                    ObjectProvider<JwtDecoder> jwtDecoder, BearerTokens bearerTokens,
                                    Environment environment) {
        boolean acceptsTokens = jwtDecoder.getIfAvailable() != null;
        var entryPoint = ProblemAuthenticationEntryPoint.forTenants(jsonMapper, acceptsTokens);
        if (acceptsTokens) {
            if (Binder.get(environment).bind("spring.security.oauth2.resourceserver.jwt.audiences",
                    Bindable.listOf(String.class)).orElse(List.of()).stream().allMatch(String::isBlank)) {
                // without an audience, a token the provider issued for any other service would open this one
                throw new IllegalStateException("Bearer tokens are on but spring.security.oauth2.resourceserver.jwt."
                        + "audiences is not set: set it to the audience your identity provider puts in this "
                        + "service's tokens.");
            }
            // an identity provider is configured (spring.security.oauth2.resourceserver.jwt.*): bearer tokens too
            http.oauth2ResourceServer(oauth2 -> oauth2
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens))
                    .authenticationEntryPoint(entryPoint)
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(entryPoint); // a 503 when the keys are out of reach
                            return filter;
                        }
                    }));
        }
        return stateless(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/v3/api-docs.yaml", "/error").permitAll()
                        .requestMatchers("/api/**").access(scopeOfTheMethod())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(jsonMapper)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AuthorizationFilter.class)
                .addFilterBefore(new ReportTokenAuthenticationFilter(reportTokens, keys, acceptsTokens),
                        AuthorizationFilter.class)
                .build();
    }

    /** The scope {@link Scope#neededFor} the request's method, the one rule the 403's problem names too. */
    private static AuthorizationManager<RequestAuthorizationContext> scopeOfTheMethod() {
        return (authentication, context) -> AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                Scope.neededFor(context.getRequest().getMethod()).authority()).authorize(authentication, context);
    }

    private static HttpSecurity stateless(HttpSecurity http) {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
