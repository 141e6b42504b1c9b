package com.ztplatform.components.offline;

/**
 * URNs as the Pulumi engine forms them ({@code pkg/resource/deploy/source_eval.go}: the parent's qualified
 * type is prepended unless the parent is the root stack), so that plan URNs, policy exceptions and plan
 * diffs match what {@code pulumi preview} and {@code pulumi stack export} show.
 */
public final class EngineUrns {
    /** The type of the stack's root resource, whose children's URNs carry no parent type. */
    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
    private static final String PREFIX = "urn:pulumi:";

    private EngineUrns() {
    }

    /**
     * The URN the engine gives a resource.
     *
     * @param stack     the stack
     * @param project   the project
     * @param parentUrn the parent's URN, or blank for none (the root stack itself)
     * @param type      the resource's type token
     * @param name      its logical name
     * @return {@code urn:pulumi:<stack>::<project>::<parent type chain$><type>::<name>}
     */
    public static String create(String stack, String project, String parentUrn, String type, String name) {
        var chain = type;
        if (parentUrn != null && !parentUrn.isBlank()) {
            var parentChain = qualifiedType(parentUrn);
            if (!parentChain.equals(ROOT_STACK_TYPE)) {
                chain = parentChain + "$" + type;
            }
        }
        return PREFIX + stack + "::" + project + "::" + chain + "::" + name;
    }

    /**
     * The type chain of a URN ({@code parentType$type}), without stack, project and name.
     *
     * @param urn a Pulumi URN
     * @return its type chain
     * @throws IllegalArgumentException when it is not a URN
     */
    public static String qualifiedType(String urn) {
        if (!urn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Pulumi URN: '" + urn + "'");
        }
        var parts = urn.substring(PREFIX.length()).split("::", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a Pulumi URN (want urn:pulumi:stack::project::type::name): '"
                    + urn + "'");
        }
        return parts[2];
    }
}
