package com.ztplatform.components.governance;

import com.pulumi.azurenative.authorization.PolicyAssignment;
import com.pulumi.azurenative.authorization.PolicyAssignmentArgs;
import com.pulumi.azurenative.authorization.PolicyExemption;
import com.pulumi.azurenative.authorization.PolicyExemptionArgs;
import com.pulumi.azurenative.authorization.PolicySetDefinition;
import com.pulumi.azurenative.authorization.PolicySetDefinitionArgs;
import com.pulumi.azurenative.authorization.enums.ResourceIdentityType;
import com.pulumi.azurenative.authorization.inputs.IdentityArgs;
import com.pulumi.azurenative.authorization.inputs.ParameterDefinitionsValueArgs;
import com.pulumi.azurenative.authorization.inputs.ParameterValuesValueArgs;
import com.pulumi.azurenative.authorization.inputs.PolicyDefinitionReferenceArgs;
import com.pulumi.azurenative.authorization.outputs.IdentityResponse;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Policy guardrails: one initiative (policy set definition) of Microsoft's built-in definitions, assigned at
 * each given scope with the stack's enforcement mode. When a member deploys (deploy-if-not-exists), every assignment
 * gets a system-assigned identity in the stack's region and the roles the member's {@code roleDefinitionIds} name, at
 * the assignment's scope (learn.microsoft.com/azure/governance/policy/how-to/remediate-resources#configure-the-managed-identity),
 * plus Log Analytics Contributor on the workspace where it lies outside that scope. Exemptions are made against
 * the assignments, naming the members they exempt.
 *
 * <pre>{@code
 * var guardrails = new PolicyAssignments("guardrails", PolicyAssignmentsArgs.builder().naming(naming)
 *         .location("westeurope").scopes(List.of(new PolicyScope("hub", hubRg.id())))
 *         .guardrails(List.of(new Guardrail("allowed-locations", "e56962a6-4747-49cd-b67b-bf8b01975c4c",
 *                 "Allowed locations", Map.of("listOfAllowedLocations", List.of("westeurope")), List.of())))
 *         .enforcement(Enforcement.forEnvironment("prod")).workspaceId(logs.workspaceId()).build(), null);
 * }</pre>
 */
public class PolicyAssignments extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:governance:PolicyAssignments";

    private final Map<String, Output<String>> assignmentIds = new LinkedHashMap<>();

    /**
     * Creates the initiative, its assignments, their role grants and the exemptions.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public PolicyAssignments(String name, PolicyAssignmentsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("PolicyAssignments", name, args.problems());
        var naming = args.naming();
        var child = CustomResourceOptions.builder().parent(this).build();
        var guardrails = args.guardrails();
        var usesWorkspace = guardrails.stream().anyMatch(Guardrail::usesWorkspace);

        var setArgs = PolicySetDefinitionArgs.builder()
                .policySetDefinitionName(GuardrailPlan.setDefinitionName(naming))
                .displayName("Platform guardrails (" + naming.environment() + ")")
                .description("Microsoft built-in definitions matching the zero-trust policy pack; sources in "
                        + "src/main/resources/com/ztplatform/stack/azurepolicy/builtin/selection.json")
                .policyType("Custom")
                .metadata(Map.of("category", "Platform guardrails"))
                .policyDefinitions(guardrails.stream().map(g -> PolicyDefinitionReferenceArgs.builder()
                        .policyDefinitionReferenceId(g.referenceId())
                        .policyDefinitionId(g.definitionResourceId())
                        .parameters(toValues(GuardrailPlan.memberParameters(g)))
                        .build()).toList());
        if (usesWorkspace) {
            setArgs.parameters(Map.of(GuardrailPlan.WORKSPACE_PARAMETER, ParameterDefinitionsValueArgs.builder()
                    .type("String").build()));
        }
        var set = new PolicySetDefinition(name + "-set", setArgs.build(), child);

        var identity = GuardrailPlan.needsIdentity(guardrails);
        var roles = GuardrailPlan.roles(guardrails);
        var assignments = new LinkedHashMap<String, PolicyAssignment>();
        for (var scope : args.scopes()) {
            var assignmentArgs = PolicyAssignmentArgs.builder()
                    .policyAssignmentName(GuardrailPlan.assignmentName(naming, scope.key()))
                    .displayName("Platform guardrails (" + naming.environment() + ", " + scope.key() + ")")
                    .scope(scope.id())
                    .policyDefinitionId(set.id())
                    .enforcementMode(args.enforcement().azureName());
            if (usesWorkspace) {
                assignmentArgs.parameters(args.workspaceId().applyValue(id -> Map.of(GuardrailPlan.WORKSPACE_PARAMETER,
                        ParameterValuesValueArgs.builder().value(id).build())));
            }
            if (identity) {
                assignmentArgs.identity(IdentityArgs.builder().type(ResourceIdentityType.SystemAssigned).build())
                        .location(args.location());
            }
            var assignment = new PolicyAssignment(name + "-" + scope.key(), assignmentArgs.build(), child);
            assignments.put(scope.key(), assignment);
            assignmentIds.put(scope.key(), assignment.id());
            if (identity) {
                var principal = assignment.identity().applyValue(i -> i.map(IdentityResponse::principalId).orElseThrow(
                        () -> new IllegalStateException("policy assignment " + scope.key() + " has no identity")));
                for (var role : roles) {
                    RoleGrants.assign(name + "-" + scope.key() + "-" + role.substring(0, 8), scope.id(), principal, role,
                            "Policy assignment " + GuardrailPlan.assignmentName(naming, scope.key())
                                    + " remediates (deploy-if-not-exists) at its scope", this);
                }
                if (usesWorkspace && !scope.key().equals(args.workspaceScopeKey())) {
                    RoleGrants.assign(name + "-" + scope.key() + "-workspace", args.workspaceId(), principal,
                            GuardrailPlan.LOG_ANALYTICS_CONTRIBUTOR, "Policy assignment "
                                    + GuardrailPlan.assignmentName(naming, scope.key())
                                    + " links diagnostic settings to the platform workspace outside its scope", this);
                }
            }
        }

        for (var x : args.exemptions()) {
            var targets = x.scopeKey() == null ? List.copyOf(assignments.keySet()) : List.of(x.scopeKey());
            for (var key : targets) {
                var scopeId = x.resourceId() != null ? x.resourceId()
                        : args.scopes().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().id();
                new PolicyExemption(name + "-" + key + "-" + x.slug(), PolicyExemptionArgs.builder()
                        .policyExemptionName(GuardrailPlan.exemptionName(naming, key, x.slug()))
                        .scope(scopeId)
                        .policyAssignmentId(assignments.get(key).id())
                        .policyDefinitionReferenceIds(x.referenceIds())
                        .exemptionCategory(x.category())
                        .displayName(x.displayName())
                        .description(x.description())
                        .build(), child);
            }
        }
        registerOutputs(Map.of("setDefinitionId", set.id()));
    }

    /** @return each assignment's id, by scope key */
    public Map<String, Output<String>> assignmentIds() {
        return Map.copyOf(assignmentIds);
    }

    /**
     * @param scopeKey a scope key
     * @return that scope's assignment id
     */
    public Optional<Output<String>> assignmentId(String scopeKey) {
        return Optional.ofNullable(assignmentIds.get(scopeKey));
    }

    private static Map<String, ParameterValuesValueArgs> toValues(Map<String, Object> values) {
        var out = new LinkedHashMap<String, ParameterValuesValueArgs>();
        values.forEach((k, v) -> out.put(k, ParameterValuesValueArgs.builder().value(v).build()));
        return out;
    }
}
