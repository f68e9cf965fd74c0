package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The resource exists but is not in a state that allows the request. */
public class ConflictException extends ApiException {

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, title, detail, properties);
    }
}
