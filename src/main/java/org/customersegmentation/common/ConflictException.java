package org.customersegmentation.common;

import java.util.Map;

/** The resource exists but is not in a state that allows the request. */
public final class ConflictException extends DomainException {

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
