package org.customersegmentation.common;

import java.util.Map;

/** The request is well formed but contradicts what the service already holds. */
public final class UnprocessableContentException extends DomainException {

    public UnprocessableContentException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
