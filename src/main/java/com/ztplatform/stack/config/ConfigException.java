package com.ztplatform.stack.config;

import java.util.List;

/** The stack configuration has problems; every one of them is listed. */
public final class ConfigException extends RuntimeException {
    /** Every problem, in the order the loader found them. */
    private final List<String> problems;

    /** @param problems every problem, each naming its key as the user writes it and a valid example */
    public ConfigException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems one by one.
     *
     * @return the problems, in order
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * The message the plan command and the Pulumi program print: a count, then one problem per line.
     *
     * @param problems the problems
     * @return the message
     */
    public static String render(List<String> problems) {
        var text = new StringBuilder("stack configuration has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        problems.forEach(p -> text.append("\n  - ").append(p));
        return text.toString();
    }
}
