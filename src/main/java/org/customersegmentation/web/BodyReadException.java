package org.customersegmentation.web;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The request body could not be read to its end, typically because the client went away mid-upload. */
public class BodyReadException extends UncheckedIOException {

    public BodyReadException(IOException cause) {
        super("The request body could not be read to its end: " + cause.getMessage(), cause);
    }
}
