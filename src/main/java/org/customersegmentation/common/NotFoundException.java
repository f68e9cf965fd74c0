package org.customersegmentation.common;

import java.util.Map;

/** Unknown, or another tenant's: both answer the same 404 so that IDs of other tenants leak nothing. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("Not found", "No " + what + " with id " + id + ".", Map.of());
    }
}
