package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request body is larger than the service accepts. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", detail, Map.of());
    }
}
