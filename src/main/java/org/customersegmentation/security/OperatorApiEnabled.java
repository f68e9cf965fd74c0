package org.customersegmentation.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The operator API exists only when an operator key is set: unset or blank, nothing answers under /admin. */
public class OperatorApiEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String key = context.getEnvironment().getProperty("segmentation.operator.key");
        return key != null && !key.isBlank();
    }
}
