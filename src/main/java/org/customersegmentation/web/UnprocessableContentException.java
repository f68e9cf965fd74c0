package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request is well formed but contradicts what the service already holds. */
public class UnprocessableContentException extends ApiException {

    public UnprocessableContentException(String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, title, detail, properties);
    }
}
