package org.customersegmentation.common;

import java.util.Map;

/** The request body is larger than the service accepts. */
public final class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String detail) {
        this("Upload too large", detail);
    }

    public ContentTooLargeException(String title, String detail) {
        super(title, detail, Map.of());
    }
}
