package com.ztplatform.landing;

/** A secret could not be read. The message names scope and key, never the value. */
public class SecretAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the scope and key, never the value */
    public SecretAccessException(String message) {
        super(message);
    }

    /**
     * @param message names the scope and key, never the value
     * @param cause   the failure of the secret API
     */
    public SecretAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
