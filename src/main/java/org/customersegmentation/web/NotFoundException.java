package org.customersegmentation.web;

/** Unknown, or another tenant's: both answer the same 404 so that IDs of other tenants leak nothing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + ".");
    }
}
