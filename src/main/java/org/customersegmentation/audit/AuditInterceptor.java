package org.customersegmentation.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.customersegmentation.security.TenantAuthentication;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every state-changing call that reached its endpoint (POST, PUT, PATCH, DELETE, but predict, which changes
 * nothing), once it has been answered: the tenant and who acted, the operation's ID as the action, the resource by
 * its type and ID (from the path, or from the Location of what was created), the status, and the request's trace
 * ID. Calls refused before an endpoint (no key, a missing scope, the rate limit) change nothing and are not recorded.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!CHANGING.contains(request.getMethod()) || !(handler instanceof HandlerMethod method) || pattern == null
                || pattern.endsWith("/predict")) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Resource resource = Resource.of(pattern, variables == null ? Map.of() : variables,
                response.getHeader(HttpHeaders.LOCATION));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String tenant = caller instanceof TenantAuthentication authenticated ? authenticated.getPrincipal().id()
                : variables == null ? null : variables.get("tenant");
        String actor = caller instanceof TenantAuthentication authenticated ? authenticated.actor()
                : caller == null ? "anonymous" : caller.getName();
        Operation operation = method.getMethodAnnotation(Operation.class);
        String action = operation != null && !operation.operationId().isEmpty() ? operation.operationId()
                : method.getMethod().getName();
        audit.record(tenant, actor, action, resource.type(), resource.id(), response.getStatus(), MDC.get("traceId"));
    }

    /** What a call acted on, by its type and ID. */
    record Resource(String type, String id) {

        static Resource of(String pattern, Map<String, String> variables, String location) {
            String type;
            String id;
            if (pattern.contains("/keys")) {
                type = "api-key";
                id = variables.get("keyId");
            } else if (pattern.contains("/segments/")) {
                type = "segment";
                id = variables.get("id") + "/" + variables.get("segment");
            } else if (pattern.startsWith("/api/v1/segmentations")) {
                type = "segmentation";
                id = variables.get("id");
            } else if (pattern.startsWith("/api/v1/datasets")) {
                type = "dataset";
                id = variables.get("id");
            } else if (pattern.startsWith("/admin/v1/tenants/")) {
                type = "tenant";
                id = variables.get("tenant");
            } else {
                type = null;
                id = null;
            }
            if (id == null && location != null) {
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            return new Resource(type, id);
        }
    }
}
