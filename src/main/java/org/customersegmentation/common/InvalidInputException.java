package org.customersegmentation.common;

import java.util.Map;

/** The caller sent something we cannot use; the detail says what to fix. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }

    public InvalidInputException(String title, String detail) {
        this(title, detail, Map.of());
    }
}
