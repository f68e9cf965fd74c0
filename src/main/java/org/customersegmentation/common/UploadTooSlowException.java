package org.customersegmentation.common;

import java.util.Map;

/** The client sends its upload too slowly to be kept waiting for: the upload is abandoned, nothing stored. */
public final class UploadTooSlowException extends DomainException {

    public UploadTooSlowException(String detail) {
        super("Upload too slow", detail, Map.of());
    }
}
