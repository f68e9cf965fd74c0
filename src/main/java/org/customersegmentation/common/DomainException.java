package org.customersegmentation.common;

import java.util.Map;

/**
 * A failure the caller can act on, in the caller's terms: a title, a detail that says what to fix, and extension
 * members (for example {@code line}, {@code column}). Which HTTP status each kind gets is the web layer's business.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ConflictException, ContentTooLargeException, InvalidInputException, NotFoundException,
        QuotaExceededException, ServiceBusyException, UnprocessableContentException, UnsupportedFormatException {

    private final String title;
    private final Map<String, Object> properties;

    protected DomainException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
