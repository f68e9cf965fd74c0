package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A caller-facing failure, answered as an RFC 9457 problem with this status and title; the message is the
 * problem's detail and {@code properties} become extension members (for example {@code line}, {@code column}).
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    protected ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
