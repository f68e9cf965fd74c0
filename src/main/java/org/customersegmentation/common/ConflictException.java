package org.customersegmentation.common;

import java.time.Duration;
import java.util.Map;

/** The resource exists but is not in a state that allows the request. */
public final class ConflictException extends DomainException {

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }

    /** A conflict that passes on its own, such as another request still holding what this one needs. */
    public ConflictException(String title, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(title, detail, properties, retryAfter);
    }
}
