package org.customersegmentation.common;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The request body could not be read to its end, typically because the client went away mid-upload. */
public class UploadInterruptedException extends UncheckedIOException {

    public UploadInterruptedException(IOException cause) {
        super("The request body could not be read to its end: " + cause.getMessage(), cause);
    }
}
