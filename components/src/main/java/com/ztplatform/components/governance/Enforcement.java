package com.ztplatform.components.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether Azure enforces the assignments' effects (Deny blocks the request, DeployIfNotExists deploys) or only
 * records compliance ({@code DoNotEnforce}: learn.microsoft.com/azure/governance/policy/concepts/assignment-structure#enforcement-mode).
 */
public enum Enforcement {
    /** Effects are enforced. */
    DEFAULT("Default"),
    /** Effects are evaluated and reported, never enforced. */
    DO_NOT_ENFORCE("DoNotEnforce");

    private final String azureName;

    Enforcement(String azureName) {
        this.azureName = azureName;
    }

    /** @return Azure's spelling, the assignment's {@code enforcementMode} */
    public String azureName() {
        return azureName;
    }

    /**
     * The one default: enforced in production, audit-only elsewhere.
     *
     * @param environment the stack's environment, like {@code prod}
     * @return {@link #DEFAULT} for {@code prod}, else {@link #DO_NOT_ENFORCE}
     */
    public static Enforcement forEnvironment(String environment) {
        return "prod".equals(environment) ? DEFAULT : DO_NOT_ENFORCE;
    }

    /**
     * @param azureName Azure's spelling, like {@code DoNotEnforce}
     * @return the mode, or empty when Azure has none of that name
     */
    public static Optional<Enforcement> parse(String azureName) {
        return Arrays.stream(values()).filter(e -> e.azureName.equals(azureName)).findFirst();
    }
}
