// Azure Policy assignments (issue 20): the guardrails Azure itself enforces. In a production stack an assignment is
// enforced (enforcementMode not DoNotEnforce: learn.microsoft.com/azure/governance/policy/concepts/assignment-structure
// #enforcement-mode); an assignment whose definition deploys or modifies (deployIfNotExists, modify) carries a managed
// identity and a location, without which Azure refuses it and nothing is remediated
// (learn.microsoft.com/azure/governance/policy/how-to/remediate-resources).

import { isProduction, PRODUCTION_STACKS_SCHEMA } from "../lib/environment";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { StackIndex } from "../lib/stackindex";
import { arr, eqi, get, label, obj, present, show, str, unknownYet } from "../lib/values";

export const POLICY = {
    assignment: "azure-native:authorization:PolicyAssignment",
    setDefinition: "azure-native:authorization:PolicySetDefinition",
    exemption: "azure-native:authorization:PolicyExemption",
};

/**
 * Built-in definitions whose effect deploys (deployIfNotExists) or modifies, among the copies the program assigns
 * (src/main/resources/com/ztplatform/stack/azurepolicy/builtin, assignedOnly in selection.json).
 */
export const DEPLOYING_BUILTINS: ReadonlySet<string> = new Set([
    "23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d", // Configure diagnostic settings for Azure Databricks Workspace to Log Analytics
]);

const leaf = (id: unknown): string | undefined => {
    const s = str(id);
    return s ? s.replace(/\/+$/, "").split("/").pop()?.toLowerCase() : undefined;
};

/** A managed identity is set (a value still unknown during preview counts as set) and is not None. */
function hasIdentity(props: Record<string, unknown>): boolean {
    if (!present(props, "identity")) {
        return false;
    }
    const type = str(get(props, "identity.type"));
    return type === undefined || !eqi(type, "None");
}

function identityProblem(who: string, props: Record<string, unknown>, why: string): string | undefined {
    if (!hasIdentity(props)) {
        return `${who} assigns ${why} but has no managed identity: Azure refuses it, and nothing would be remediated. `
            + "Set identity.type SystemAssigned (and location), and grant the identity the roles the definition's "
            + "roleDefinitionIds name at the assignment scope.";
    }
    if (!present(props, "location")) {
        return `${who} has a managed identity but no location: Azure refuses it. Set location to the stack's region, `
            + "like 'westeurope'.";
    }
    return undefined;
}

export const policyAssignmentEnforced = resourcePolicy({
    name: "policy-assignment-enforced",
    description: "Azure Policy assignments: in a production stack enforcementMode is not DoNotEnforce; an assignment of a "
        + "deploying built-in (deployIfNotExists, modify) has a managed identity and a location.",
    types: [POLICY.assignment],
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.policyAssignmentName));
        guard("enforcementMode", () => {
            if (isProduction(args.urn, args.getConfig()) && eqi(args.props.enforcementMode, "DoNotEnforce")) {
                report(`${who} has enforcementMode DoNotEnforce in a production stack: Azure would only record `
                    + "violations and deploy nothing. Remove it or set Default (azurePolicy.enforcementMode).");
            }
        });
        guard("identity", () => {
            const definition = leaf(args.props.policyDefinitionId);
            if (definition && DEPLOYING_BUILTINS.has(definition)) {
                const problem = identityProblem(who, args.props, `the deploying built-in ${show(definition)}`);
                if (problem) {
                    report(problem);
                }
            }
        });
    },
});

export const policySetAssignmentIdentity = stackPolicy({
    name: "policy-set-assignment-identity",
    description: "An Azure Policy assignment of a policy set definition of this stack with a deploying member "
        + "(deployIfNotExists, modify) has a managed identity and a location.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const sets = idx.ofType(POLICY.setDefinition);
        for (const a of idx.ofType(POLICY.assignment)) {
            guard(`${a.name}: its definition`, () => {
                // Reading the reference directly: while the set definition is new (first preview) it is unknown, and
                // the check says so rather than passing.
                const target = leaf(a.props.policyDefinitionId);
                const set = sets.find(s => leaf(get(s.props, "id")) === target
                    || str(s.props.policySetDefinitionName)?.toLowerCase() === target);
                if (!set) {
                    if (target === undefined && sets.length > 0) {
                        unknownYet(`the set definition ${label(a.type, a.name)} assigns`);
                    }
                    return;
                }
                const deploying = arr(set.props.policyDefinitions).map(obj)
                    .filter(m => DEPLOYING_BUILTINS.has(leaf(m.policyDefinitionId) ?? ""))
                    .map(m => str(m.policyDefinitionReferenceId) ?? "?");
                if (deploying.length === 0) {
                    return;
                }
                const problem = identityProblem(label(a.type, a.name, str(a.props.policyAssignmentName)), a.props,
                    `set definition ${show(set.props.policySetDefinitionName)} with deploying member(s) ${deploying.join(", ")}`);
                if (problem) {
                    report(problem, a.urn);
                }
            });
        }
    },
});

export const azurePolicyPolicies = [policyAssignmentEnforced, policySetAssignmentIdentity];
