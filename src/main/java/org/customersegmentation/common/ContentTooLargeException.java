package org.customersegmentation.common;

import java.util.Map;

/** The request body is larger than the service accepts. */
public final class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String detail) {
        super("Upload too large", detail, Map.of());
    }
}
