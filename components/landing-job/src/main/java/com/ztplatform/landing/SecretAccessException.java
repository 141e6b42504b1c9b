package com.ztplatform.landing;

/** A secret could not be read. The message names scope and key, never the value. */
public class SecretAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretAccessException(String message) {
        super(message);
    }

    public SecretAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
