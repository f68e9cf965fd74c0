package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The caller sent something we cannot use; the detail says what to fix. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, title, detail, properties);
    }

    public InvalidRequestException(String title, String detail) {
        this(title, detail, Map.of());
    }
}
