package com.ztplatform.components.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One built-in Azure Policy definition in the platform's guardrail initiative, with the parameter values it is
 * assigned with.
 *
 * @param referenceId  its reference id in the initiative (what an exemption names), like {@code require-tag-owner}
 * @param definitionId the built-in definition's name (a GUID), like {@code 871b6d14-10aa-478d-b590-94f262ecfa99}
 * @param displayName  the definition's display name
 * @param parameters   the definition's parameters; a value equal to {@link #WORKSPACE} is the platform's Log
 *                     Analytics workspace id, given to the assignment (known only after deployment)
 * @param roleGuids    the roles its {@code details.roleDefinitionIds} name (deploy-if-not-exists and modify
 *                     definitions); empty for Audit and Deny definitions
 */
public record Guardrail(String referenceId, String definitionId, String displayName, Map<String, Object> parameters,
                        List<String> roleGuids) {
    /** The parameter value that stands for the platform's Log Analytics workspace id. */
    public static final String WORKSPACE = "<log-analytics-workspace-id>";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REFERENCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /**
     * Copies the parameters (sorted, so the initiative is the same on every run) and the roles.
     *
     * @param referenceId see the record
     * @param definitionId see the record
     * @param displayName see the record
     * @param parameters see the record
     * @param roleGuids see the record
     */
    public Guardrail {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
        roleGuids = roleGuids == null ? List.of() : List.copyOf(roleGuids);
    }

    /** @return whether the definition deploys or modifies resources, so its assignment needs an identity and roles */
    public boolean deploys() {
        return !roleGuids.isEmpty();
    }

    /** @return the built-in definition's resource id */
    public String definitionResourceId() {
        return "/providers/Microsoft.Authorization/policyDefinitions/" + definitionId;
    }

    /**
     * @param path where the guardrail is in the arguments, like {@code guardrails[0].}
     * @return what is wrong with it, each naming the field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (referenceId == null || !REFERENCE.matcher(referenceId).matches()) {
            problems.add(path + "referenceId must be 1-64 lowercase letters, digits or hyphens, like require-tag-owner, "
                    + "got '" + referenceId + "'");
        }
        if (definitionId == null || !GUID.matcher(definitionId).matches()) {
            problems.add(path + "definitionId must be a built-in definition's GUID, like "
                    + "871b6d14-10aa-478d-b590-94f262ecfa99, got '" + definitionId + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add(path + "displayName is required, like \"Require a tag on resources\"");
        }
        parameters.forEach((k, v) -> {
            if (v == null) {
                problems.add(path + "parameters." + k + " must have a value, like \"Deny\"");
            }
        });
        for (int i = 0; i < roleGuids.size(); i++) {
            if (roleGuids.get(i) == null || !GUID.matcher(roleGuids.get(i)).matches()) {
                problems.add(path + "roleGuids[" + i + "] must be a built-in role's GUID, like "
                        + "749f88d5-cbae-40b8-bcfc-e573ddc772fa, got '" + roleGuids.get(i) + "'");
            }
        }
        return problems;
    }

    /** @return whether a parameter takes the platform workspace */
    public boolean usesWorkspace() {
        return parameters.values().stream().anyMatch(v -> Objects.equals(v, WORKSPACE));
    }
}
