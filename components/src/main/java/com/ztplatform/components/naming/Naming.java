package com.ztplatform.components.naming;


import java.util.ArrayList;
import java.util.List;

/**
 * The naming context of a deployment: every Azure name a component creates is derived from the stack's
 * prefix, its environment and the component's own parts, so names are deterministic, valid for their
 * resource type, and two components never collide.
 *
 * @param prefix      short organisation/product prefix, 2-8 lowercase letters or digits, like {@code ztp}
 * @param environment 2-8 lowercase letters or digits, like {@code dev} or {@code prod}
 */
public record Naming(String prefix, String environment) {

    /**
     * The problems of the prefix and environment.
     *
     * @param path the naming's path as the user writes it, like {@code HubNetworkArgs.naming}
     * @return the problems, each naming {@code path.prefix} or {@code path.environment}
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        AzureNames.prefixProblem(prefix).ifPresent(p -> problems.add(path + ".prefix: " + p));
        AzureNames.environmentProblem(environment).ifPresent(p -> problems.add(path + ".environment: " + p));
        return problems;
    }

    /**
     * A valid Azure name of the given kind, like {@code ztp-dev-hub-vnet}.
     *
     * @param kind  the resource kind
     * @param parts the component's own words, like {@code "hub", "vnet"}
     * @return the name (see {@link AzureNames#name})
     */
    public String name(ResourceKind kind, String... parts) {
        return AzureNames.name(kind, prefix, environment, parts);
    }
}
