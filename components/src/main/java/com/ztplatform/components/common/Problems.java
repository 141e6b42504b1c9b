package com.ztplatform.components.common;

import java.util.List;

/**
 * Argument problems of a component, reported all at once.
 *
 * <p>Every component collects the problems of its arguments first and fails once with the whole list, so a
 * user fixes a stack in one round instead of one error per {@code pulumi preview}.
 */
public final class Problems {
    private Problems() {
    }

    /**
     * Throws {@link IllegalArgumentException} listing every problem, if there is any.
     *
     * @param componentType the component's class, like {@code HubNetwork}
     * @param componentName its logical name
     * @param problems      every problem of its arguments
     */
    public static void throwIfAny(String componentType, String componentName, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        var message = new StringBuilder()
                .append(componentType).append(" '").append(componentName).append("' has ")
                .append(problems.size()).append(problems.size() == 1 ? " invalid argument:" : " invalid arguments:");
        problems.forEach(p -> message.append("\n  - ").append(p));
        throw new IllegalArgumentException(message.toString());
    }
}
