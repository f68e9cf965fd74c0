package org.customersegmentation.common;

import java.time.Duration;
import java.util.Map;

/**
 * A failure the caller can act on, in the caller's terms: a title, a detail that says what to fix, and extension
 * members (for example {@code line}, {@code column}). Which HTTP status each kind gets is the web layer's business.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ConflictException, ContentTooLargeException, InvalidInputException, NotFoundException,
        QuotaExceededException, ServiceBusyException, UnprocessableContentException, UnsupportedFormatException,
        UploadTooSlowException {

    private final String title;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    protected DomainException(String title, String detail, Map<String, Object> properties) {
        this(title, detail, properties, null);
    }

    /** @param retryAfter when the request may succeed if sent again, for the Retry-After header; null if unknown */
    protected DomainException(String title, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** How long the caller should wait before sending the request again; null when the failure does not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
