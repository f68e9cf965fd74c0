package org.customersegmentation.web;

import java.util.Map;

/** The resource exists but is not in a state that allows the request; answered as 409. */
public class ConflictException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public ConflictException(String title, String detail, Map<String, Object> properties) {
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
