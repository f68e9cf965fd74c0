package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The caller has reached a limit of its own (not the service's capacity); the answer carries Retry-After. */
public class TooManyRequestsException extends ApiException {

    public TooManyRequestsException(String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.TOO_MANY_REQUESTS, title, detail, properties);
    }
}
