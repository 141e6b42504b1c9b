package com.ztplatform.integration.function;

import java.util.List;

/**
 * A queue message that is not a valid finished landing run; it lists every problem. Thrown from the function, it makes
 * Service Bus redeliver the message until its delivery count is spent and then dead-letter it, where it stays for
 * inspection.
 */
public class InvalidMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Every problem of the message. */
    private final List<String> problems;

    /**
     * The exception for these problems.
     *
     * @param problems every problem, each naming the field
     */
    public InvalidMessageException(List<String> problems) {
        super("invalid landing run message: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, each naming the field.
     *
     * @return the problems
     */
    public List<String> problems() {
        return problems;
    }
}
