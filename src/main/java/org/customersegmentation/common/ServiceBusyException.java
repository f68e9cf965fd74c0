package org.customersegmentation.common;

import java.util.Map;

/** The service is at capacity for this kind of request; the answer carries Retry-After. */
public final class ServiceBusyException extends DomainException {

    public ServiceBusyException(String title, String detail) {
        super(title, detail, Map.of());
    }
}
