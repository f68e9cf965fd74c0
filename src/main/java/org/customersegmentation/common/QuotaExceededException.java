package org.customersegmentation.common;

import java.time.Duration;
import java.util.Map;

/** The caller has reached a limit of its own (not the service's capacity); the answer carries Retry-After. */
public final class QuotaExceededException extends DomainException {

    public QuotaExceededException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }

    public QuotaExceededException(String title, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(title, detail, properties, retryAfter);
    }
}
