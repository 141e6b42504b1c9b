package com.ztplatform.landing.contract;

import java.util.List;

/** Invalid job parameters: every problem at once, each naming the parameter and showing a valid example. */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Every problem found, in order (serialised with the exception). */
    private final List<String> problems;

    /**
     * @param problems every problem found, each a sentence naming the parameter and a valid example; the message
     *                 lists them all, so one failed start shows everything to fix
     */
    public ConfigException(List<String> problems) {
        super("invalid landing job parameters (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems one by one, for callers that show or test them separately.
     *
     * @return the problems, in the order they were found
     */
    public List<String> problems() {
        return problems;
    }
}
