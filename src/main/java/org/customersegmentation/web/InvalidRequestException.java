package org.customersegmentation.web;

import java.util.Map;

/**
 * The caller sent something we cannot use; answered as a 400 problem whose detail says what to fix.
 * {@code properties} become extension members of the problem (for example {@code line} and {@code column}).
 */
public class InvalidRequestException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public InvalidRequestException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public InvalidRequestException(String title, String detail) {
        this(title, detail, Map.of());
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
