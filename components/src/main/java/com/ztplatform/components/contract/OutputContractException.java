package com.ztplatform.components.contract;

/**
 * A platform stack read through {@link PlatformStackReference} does not meet the output contract this client
 * was built for: another contract version, a missing required output, or an output of the wrong shape. The
 * message names the stack and the output.
 */
public class OutputContractException extends RuntimeException {
    /**
     * An exception with a message naming the stack, the output and what was expected.
     *
     * @param message the message
     */
    public OutputContractException(String message) {
        super(message);
    }
}
