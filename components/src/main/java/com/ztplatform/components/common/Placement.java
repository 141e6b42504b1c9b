package com.ztplatform.components.common;

import com.ztplatform.components.naming.Naming;

import java.util.List;

/**
 * The checks every component makes of where its resources go: a resource group, a region and the naming
 * convention. Defined once so each component reports a missing one with the same words and example.
 */
public final class Placement {
    private Placement() {
    }

    /**
     * Adds a problem for each of the resource group, location and naming that is missing, and naming's own
     * problems when it is given.
     *
     * @param problems          where the problems go
     * @param resourceGroupName the component's resource group, or null
     * @param resourceGroupHint which group goes there, as an example expression, like {@code "hubRg.name()"}
     * @param location          the Azure region (a string, or an output of one), or null or blank
     * @param naming            the naming convention, or null
     */
    public static void check(List<String> problems, Object resourceGroupName, String resourceGroupHint,
                             Object location, Naming naming) {
        resourceGroup(problems, resourceGroupName, resourceGroupHint);
        if (location == null || location instanceof String s && s.isBlank()) {
            problems.add("location is required, like westeurope");
        }
        naming(problems, naming);
    }

    /**
     * Adds a problem when the resource group is missing.
     *
     * @param problems          where the problem goes
     * @param resourceGroupName the component's resource group, or null
     * @param resourceGroupHint which group goes there, as an example expression, like {@code "hubRg.name()"}
     */
    public static void resourceGroup(List<String> problems, Object resourceGroupName, String resourceGroupHint) {
        if (resourceGroupName == null) {
            problems.add("resourceGroupName is required, like " + resourceGroupHint);
        }
    }

    /**
     * Adds a problem when the naming convention is missing, or its own problems when it is given.
     *
     * @param problems where the problems go
     * @param naming   the naming convention, or null
     */
    public static void naming(List<String> problems, Naming naming) {
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\")");
        } else {
            problems.addAll(naming.problems("naming"));
        }
    }
}
