package org.customersegmentation.security.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import org.customersegmentation.security.Scope;
import org.customersegmentation.web.OpensWithReportToken;
import org.customersegmentation.web.OperatorApi;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * How the API description says each operation is opened: the credentials it takes, and the scope it needs, named in
 * the security requirement (OpenAPI 3.1 lets an API key or HTTP scheme list roles there) so that a client sees it
 * before the 403.
 */
@Configuration(proxyBeanMethods = false)
class SecurityDescription {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerToken";
    static final String OPERATOR_KEY = "operatorKey";

    @Bean
    OpenApiCustomizer securitySchemes() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSecuritySchemes(API_KEY, new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name(ApiKeyAuthenticationFilter.HEADER)
                    .description("A tenant's API key, issued through the operator API (or configured). Its scopes decide what it may "
                            + "do: segmentation:read (GET), segmentation:write (POST, PATCH, PUT), segmentation:delete "
                            + "(DELETE); a call beyond them is a 403 naming the scope."));
            components.addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("An OAuth2 access token (JWT) from the identity provider the operator configured, "
                            + "e.g. by the client-credentials grant. Its 'tenant' claim names the tenant; its scope "
                            + "(or scp) claim carries the same scopes as an API key. Verified as RFC8725 (JWT best "
                            + "current practices) asks: the signature against the provider's JWK set, never alg none, "
                            + "the expiry, the audience and, where configured, the issuer. Accepted only where an identity "
                            + "provider is configured."));
            components.addSecuritySchemes(OPERATOR_KEY, new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name(OperatorAuthenticationFilter.HEADER)
                    .description("The operator's credential (segmentation.operator.key), for /admin and the "
                            + "metrics; never an API key"));
        };
    }

    @Bean
    OperationCustomizer securityRequirements() {
        return (operation, handler) -> {
            if (handler.getBeanType().isAnnotationPresent(OperatorApi.class)) {
                return operation.security(List.of(new SecurityRequirement().addList(OPERATOR_KEY)));
            }
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            RequestMethod method = mapping == null || mapping.method().length == 0 ? RequestMethod.GET : mapping.method()[0];
            String scope = Scope.neededFor(method.name()).value();
            List<SecurityRequirement> ways = new ArrayList<>(List.of(
                    new SecurityRequirement().addList(API_KEY, scope), new SecurityRequirement().addList(BEARER, scope)));
            if (handler.hasMethodAnnotation(OpensWithReportToken.class)) {
                ways.add(new SecurityRequirement()); // or the report link's token, a query parameter
            }
            return operation.security(ways);
        };
    }
}
