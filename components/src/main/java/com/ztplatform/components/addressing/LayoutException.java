package com.ztplatform.components.addressing;

import java.util.List;

/** A subnet layout that cannot be built; {@link #problems()} lists every reason found. */
public final class LayoutException extends IllegalArgumentException {

    private final List<String> problems;

    public LayoutException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LayoutException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
