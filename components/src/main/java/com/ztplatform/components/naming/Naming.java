package com.ztplatform.components.naming;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The naming context of a deployment: every Azure name a component creates is derived from the stack's
 * prefix, its environment and the component's own parts, so names are deterministic, valid for their
 * resource type, and two components never collide. Names that Azure makes unique worldwide (storage accounts, key
 * vaults, container registries, AI services subdomains: {@link ResourceKind#globallyUnique()}) also end with the
 * global suffix, so that two organisations using the same prefix and environment do not collide; see
 * {@link AzureNames#suffixedName}.
 *
 * @param prefix       short organisation/product prefix, 2-8 lowercase letters or digits, like {@code ztp}
 * @param environment  2-8 lowercase letters or digits, like {@code dev} or {@code prod}
 * @param globalSuffix 4-6 lowercase letters or digits appended to globally unique names, like {@code k3x9q}, or ""
 *                     for none (a stack derives one with {@link AzureNames#deriveGlobalSuffix})
 */
public record Naming(String prefix, String environment, String globalSuffix) {

    /**
     * Requires a non-null suffix ("" for none); prefix and environment are checked by {@link #problems}.
     *
     * @param prefix       the prefix
     * @param environment  the environment
     * @param globalSuffix the global suffix, or ""
     */
    public Naming {
        Objects.requireNonNull(globalSuffix, "globalSuffix must not be null; use \"\" for none, like new Naming(\"ztp\","
                + " \"dev\", \"k3x9q\")");
    }

    /**
     * A naming without a global suffix: globally unique names are {@code prefix-environment-parts} alone, which
     * another organisation with the same prefix may already hold. Fine for tests and for resources that are not
     * globally unique; stacks use the three-argument form.
     *
     * @param prefix      the prefix
     * @param environment the environment
     */
    public Naming(String prefix, String environment) {
        this(prefix, environment, "");
    }

    /**
     * The problems of the prefix, environment and global suffix.
     *
     * @param path the naming's path as the user writes it, like {@code HubNetworkArgs.naming}
     * @return the problems, each naming {@code path.prefix}, {@code path.environment} or {@code path.globalSuffix}
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        AzureNames.prefixProblem(prefix).ifPresent(p -> problems.add(path + ".prefix: " + p));
        AzureNames.environmentProblem(environment).ifPresent(p -> problems.add(path + ".environment: " + p));
        if (!globalSuffix.isEmpty()) {
            AzureNames.globalSuffixProblem(globalSuffix).ifPresent(p -> problems.add(path + ".globalSuffix: " + p));
        }
        return problems;
    }

    /**
     * A valid Azure name of the given kind, like {@code ztp-dev-hub-vnet}, or {@code ztpdevlakek3x9q} for a kind that
     * must be unique worldwide.
     *
     * @param kind  the resource kind
     * @param parts the component's own words, like {@code "hub", "vnet"}
     * @return the name (see {@link AzureNames#suffixedName})
     */
    public String name(ResourceKind kind, String... parts) {
        return AzureNames.suffixedName(kind, prefix, environment, globalSuffix, parts);
    }
}
