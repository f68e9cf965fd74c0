package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The service is at capacity for this kind of request; the answer carries Retry-After. */
public class ServiceBusyException extends ApiException {

    public ServiceBusyException(String title, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, title, detail, Map.of());
    }
}
