package org.customersegmentation.engine;

/** The data cannot be segmented as asked; the message says why in words a caller can act on. */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }
}
