package org.customersegmentation.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The body is in a format or encoding the operation does not read. */
public class UnsupportedMediaTypeException extends ApiException {

    public UnsupportedMediaTypeException(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail, Map.of());
    }
}
