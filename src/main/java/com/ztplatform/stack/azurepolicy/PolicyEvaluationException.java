package com.ztplatform.stack.azurepolicy;

/**
 * A definition could not be evaluated against a resource (an alias with no mapping to the plan's inputs, an unsupported
 * operator or function). Thrown rather than answering "compliant" for something that was never checked.
 */
public final class PolicyEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be evaluated
     */
    public PolicyEvaluationException(String message) {
        super(message);
    }
}
