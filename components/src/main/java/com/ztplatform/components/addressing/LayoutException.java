package com.ztplatform.components.addressing;

import java.util.List;

/** A subnet layout that cannot be built; {@link #problems()} lists every reason found. */
public final class LayoutException extends IllegalArgumentException {

    /** Every problem found, in order. */
    private final List<String> problems;

    /** @param problems at least one problem, each naming the slot or address space and what would fit */
    public LayoutException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LayoutException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems one by one, for validators that collect them with others.
     *
     * @return the problems, in order
     */
    public List<String> problems() {
        return problems;
    }
}
