package com.ztplatform.components.governance;

import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The pure part of {@link PolicyAssignments}: names, the initiative's parameters and each member's parameter values,
 * and the roles the assignment identity needs. Tested without Pulumi.
 */
public final class GuardrailPlan {
    /** The initiative parameter that carries the Log Analytics workspace id into the members that use it. */
    public static final String WORKSPACE_PARAMETER = "logAnalytics";
    /** Azure's limit on policy assignment and exemption names at subscription and resource-group scope. */
    public static final int MAX_NAME = 64;
    /** Log Analytics Contributor: a diagnostics deployment at one scope writing to a workspace outside it needs it. */
    public static final String LOG_ANALYTICS_CONTRIBUTOR = com.ztplatform.components.common.BuiltInRole.LOG_ANALYTICS_CONTRIBUTOR.guid();

    private GuardrailPlan() {
    }

    /**
     * @param naming the naming convention
     * @return the initiative's name, like {@code ztp-dev-guardrails}
     */
    public static String setDefinitionName(Naming naming) {
        return naming.prefix() + "-" + naming.environment() + "-guardrails";
    }

    /**
     * @param naming   the naming convention
     * @param scopeKey the scope's key, like {@code hub}
     * @return the assignment's name, like {@code ztp-dev-guardrails-hub}
     */
    public static String assignmentName(Naming naming, String scopeKey) {
        return setDefinitionName(naming) + "-" + scopeKey;
    }

    /**
     * @param naming   the naming convention
     * @param scopeKey the assignment scope's key
     * @param slug     the exemption's slug
     * @return the exemption's name, like {@code ztp-dev-hub-storage-public-network}
     */
    public static String exemptionName(Naming naming, String scopeKey, String slug) {
        return naming.prefix() + "-" + naming.environment() + "-" + scopeKey + "-" + slug;
    }

    /**
     * @param guardrails the initiative's members
     * @return the roles their deployments need, each once, in member order
     */
    public static List<String> roles(List<Guardrail> guardrails) {
        var roles = new LinkedHashSet<String>();
        guardrails.forEach(g -> roles.addAll(g.roleGuids()));
        return List.copyOf(roles);
    }

    /**
     * @param guardrails the initiative's members
     * @return whether the assignment needs a managed identity (and a location): some member deploys
     */
    public static boolean needsIdentity(List<Guardrail> guardrails) {
        return guardrails.stream().anyMatch(Guardrail::deploys);
    }

    /**
     * A member's parameter values in the initiative: its fixed values, and a reference to the initiative's
     * {@value #WORKSPACE_PARAMETER} parameter where it takes the workspace.
     *
     * @param guardrail the member
     * @return parameter name to value
     */
    public static Map<String, Object> memberParameters(Guardrail guardrail) {
        var values = new LinkedHashMap<String, Object>();
        guardrail.parameters().forEach((k, v) -> values.put(k, Guardrail.WORKSPACE.equals(v)
                ? "[parameters('" + WORKSPACE_PARAMETER + "')]" : v));
        return values;
    }

    /**
     * @param naming     the naming convention
     * @param scopeKeys  the assignment scopes' keys
     * @param exemptions the exemptions' slugs
     * @return the names that exceed Azure's limit, each with a shorter example
     */
    public static List<String> nameProblems(Naming naming, List<String> scopeKeys, List<String> exemptions) {
        var problems = new ArrayList<String>();
        for (var key : scopeKeys) {
            var name = assignmentName(naming, key);
            if (name.length() > MAX_NAME) {
                problems.add("scopes: assignment name '" + name + "' is longer than " + MAX_NAME + " characters; use a "
                        + "shorter scope key, like hub");
            }
            for (var slug : exemptions) {
                var ex = exemptionName(naming, key, slug);
                if (ex.length() > MAX_NAME) {
                    problems.add("exemptions: exemption name '" + ex + "' is longer than " + MAX_NAME
                            + " characters; use a shorter slug, like storage-public-network");
                }
            }
        }
        return problems;
    }
}
