package org.customersegmentation.web;

/** The request body is larger than the service accepts; answered as 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
