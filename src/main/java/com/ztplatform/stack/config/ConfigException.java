package com.ztplatform.stack.config;

import java.util.List;

/** The stack configuration has problems; every one of them is listed. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    public static String render(List<String> problems) {
        var text = new StringBuilder("stack configuration has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        problems.forEach(p -> text.append("\n  - ").append(p));
        return text.toString();
    }
}
