package com.ztplatform.bindings.generator;

/** The allowlist asks for something the schema does not have, or is malformed: the build stops with this message. */
public final class GeneratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the allowlist line and the schema token */
    public GeneratorException(String message) {
        super(message);
    }
}
