package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Unknown, or another tenant's: both answer the same 404 so that IDs of other tenants leak nothing. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id + ".", Map.of());
    }
}
