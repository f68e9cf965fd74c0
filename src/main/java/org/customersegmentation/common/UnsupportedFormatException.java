package org.customersegmentation.common;

import java.util.Map;

/** The body is in a format or encoding the operation does not read. */
public final class UnsupportedFormatException extends DomainException {

    public UnsupportedFormatException(String detail) {
        super("Unsupported Media Type", detail, Map.of());
    }
}
