package org.customersegmentation.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Puts the {@link AuditInterceptor} in front of the API and the operator API. A mapped interceptor declared here,
 * rather than a scanned one, stays out of controllers' slice tests, which have no audit log.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    MappedInterceptor auditInterceptor(AuditLog audit) {
        return new MappedInterceptor(new String[] {"/api/**", "/admin/**"}, new AuditInterceptor(audit));
    }
}
