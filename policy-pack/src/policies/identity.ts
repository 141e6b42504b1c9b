// Role assignments: never Owner or User Access Administrator; Role Based Access Control Administrator only with a
// condition that limits both writes and deletes of role assignments to roles that are not privileged; no other
// standing subscription-wide (or wider) control-plane power except the deployment identity's Contributor; no Key Vault
// data-plane administrator for automation identities. GitHub federated credentials: GitHub's issuer, the one Entra
// audience, exact subjects of the two forms the workflows use. Role ids are Azure's built-in ids
// (learn.microsoft.com/azure/role-based-access-control/built-in-roles/general and .../built-in-roles/privileged,
// .../built-in-roles/security for Key Vault).

import { resourcePolicy } from "../lib/policy";
import { parseUrn } from "../lib/urn";
import { arr, eqi, label, leafName, peek, show, str } from "../lib/values";

export const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

/** Roles that, held at subscription scope or above, own the whole platform (and can grant themselves data access). */
export const PRIVILEGED_ROLES: Record<string, string> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

export const KEY_VAULT_ADMINISTRATOR = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
export const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
export const USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
export const RBAC_ADMINISTRATOR = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";
export const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
/** The component whose identity deploys the platform: the one principal allowed Contributor on the subscription. */
export const DEPLOYMENT_IDENTITY_COMPONENT = "ztplatform:identity:DeploymentIdentity";
export const FEDERATED_CREDENTIAL = "azure-native:managedidentity:FederatedIdentityCredential";
export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
export const ENTRA_AUDIENCE = "api://AzureADTokenExchange";

/**
 * What a role-assignment condition lets its holder assign: the GUID sets of RoleDefinitionId constraints by source
 * (Request for roleAssignments/write, Resource for roleAssignments/delete), per Microsoft's "Constrain roles" example
 * (learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples).
 */
export function conditionRoleSets(condition: string): { write: string[][]; delete: string[][] } {
    const sets = { write: [] as string[][], delete: [] as string[][] };
    const re = /@(Request|Resource)\[Microsoft\.Authorization\/roleAssignments:RoleDefinitionId\]\s+ForAnyOfAnyValues:GuidEquals\s*\{([^}]*)\}/gi;
    for (let m = re.exec(condition); m; m = re.exec(condition)) {
        const guids = m[2].split(",").map(g => g.trim().toLowerCase()).filter(g => g.length > 0);
        (m[1].toLowerCase() === "request" ? sets.write : sets.delete).push(guids);
    }
    return sets;
}

/** Why an RBAC Administrator condition does not hold the role down, or undefined when it does. */
export function conditionProblem(condition: unknown, version: unknown): string | undefined {
    if (typeof condition !== "string" || condition.trim() === "") {
        return "has no condition";
    }
    if (version !== undefined && version !== "2.0") {
        return `has conditionVersion ${show(version)} (Azure accepts only '2.0')`;
    }
    const c = condition.replace(/\s+/g, " ");
    for (const action of ["write", "delete"]) {
        if (!c.includes(`!(ActionMatches{'Microsoft.Authorization/roleAssignments/${action}'})`)) {
            return `has a condition that does not constrain roleAssignments/${action}`;
        }
    }
    const sets = conditionRoleSets(c);
    if (sets.write.length === 0 || sets.delete.length === 0) {
        return "has a condition that does not limit the role definitions it may assign (write) and remove (delete)";
    }
    const privileged = [...sets.write, ...sets.delete].flat().filter(g => PRIVILEGED_ROLES[g] !== undefined);
    if (privileged.length > 0) {
        return `has a condition that allows ${[...new Set(privileged)].map(g => PRIVILEGED_ROLES[g]).join(", ")}`;
    }
    return undefined;
}

/** True for a scope of a whole subscription, a management group, or the tenant root. */
export function isSubscriptionOrWider(scope: unknown): boolean {
    if (typeof scope !== "string") {
        return false;
    }
    const s = scope.trim().toLowerCase().replace(/\/+$/, "");
    return s === "" || /^\/subscriptions\/[^/]+$/.test(s) || s.startsWith("/providers/microsoft.management/managementgroups/");
}

export const roleAssignmentLeastPrivilege = resourcePolicy({
    name: "role-assignment-least-privilege",
    description: "Never Owner or User Access Administrator; Role Based Access Control Administrator only with a condition "
        + "limiting writes and deletes to non-privileged roles; Contributor at subscription (or wider) scope only for the "
        + "deployment identity; no Key Vault Administrator for service principals or managed identities.",
    types: [ROLE_ASSIGNMENT],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.roleAssignmentName));
        guard("roleDefinitionId/scope", () => {
            const role = leafName(args.props.roleDefinitionId)?.toLowerCase();
            if (!role) {
                return;
            }
            if (role === OWNER || role === USER_ACCESS_ADMINISTRATOR) {
                // Refused at any scope, so an unknown scope (a resource group created by the same preview) must not
                // defer the verdict: peek reads it without throwing.
                const scope = peek(args.props, "scope");
                report(`${who} grants ${PRIVILEGED_ROLES[role]} at scope ${scope === undefined ? "(known after deployment)"
                    : show(scope)}: unrestricted access `
                    + "management (it can grant itself anything). Grant the narrow role the principal needs at the resource "
                    + "or resource-group scope (e.g. 'Key Vault Secrets User' on the vault).");
            } else if (role === RBAC_ADMINISTRATOR) {
                const problem = conditionProblem(args.props.condition, args.props.conditionVersion);
                if (problem) {
                    report(`${who} grants Role Based Access Control Administrator but ${problem}: unconditioned, it can `
                        + "assign Owner. Add a condition (version 2.0) limiting roleAssignments/write (@Request) and /delete "
                        + "(@Resource) to the roles the program grants (RoleDefinitionId ForAnyOfAnyValues:GuidEquals {...}).");
                }
            } else if (role === CONTRIBUTOR && isSubscriptionOrWider(args.props.scope)) {
                const chain = parseUrn(args.urn)?.typeChain ?? [];
                if (!chain.includes(DEPLOYMENT_IDENTITY_COMPONENT)) {
                    report(`${who} grants Contributor at scope ${show(args.props.scope)}: standing control of the whole `
                        + "subscription (every network, firewall and vault of the platform). Only the deployment identity "
                        + `(${DEPLOYMENT_IDENTITY_COMPONENT}) holds it; grant a narrower role at the resource or resource-group `
                        + "scope that needs it.");
                }
            }
            if (role === KEY_VAULT_ADMINISTRATOR) {
                const type = str(args.props.principalType);
                if (!type || !(eqi(type, "User") || eqi(type, "Group"))) {
                    report(`${who} grants Key Vault Administrator to principalType ${show(type)}: an automation identity `
                        + "would read and purge every key and secret. Grant the data role it needs ('Key Vault Secrets User', "
                        + "'Key Vault Crypto Service Encryption User'), and set principalType explicitly.");
                }
            }
        });
    },
});

/** The exact subjects GitHub gives the workflows' jobs: pull requests (preview.yml) and environments (up.yml). */
const GITHUB_SUBJECT = /^repo:[A-Za-z0-9-]+\/[A-Za-z0-9._-]+:(pull_request|environment:[A-Za-z0-9._-]+)$/;

export const federatedCredentialGithubExact = resourcePolicy({
    name: "federated-credential-github-exact",
    description: "User-assigned identities trust only GitHub Actions' issuer, with the one Entra ID audience and an exact "
        + "subject of the form the workflows present (repo:<owner>/<repo>:pull_request or ...:environment:<name>); no "
        + "wildcard, branch or other issuer.",
    types: [FEDERATED_CREDENTIAL],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.federatedIdentityCredentialResourceName));
        guard("issuer", () => {
            if (args.props.issuer !== GITHUB_ISSUER) {
                report(`${who} trusts issuer ${show(args.props.issuer)}: only GitHub Actions (${GITHUB_ISSUER}) may sign `
                    + "in as the platform's identities; Entra ID matches the issuer exactly.");
            }
        });
        guard("audiences", () => {
            const audiences = arr(args.props.audiences);
            if (audiences.length !== 1 || audiences[0] !== ENTRA_AUDIENCE) {
                report(`${who} has audiences ${show(args.props.audiences)}: exactly ["${ENTRA_AUDIENCE}"] (Entra ID accepts `
                    + "one audience, the token exchange's).");
            }
        });
        guard("subject", () => {
            const subject = str(args.props.subject);
            if (!subject || subject.includes("*") || !GITHUB_SUBJECT.test(subject)) {
                report(`${who} has subject ${show(args.props.subject)}: use the exact subject of a workflow job, like `
                    + "repo:contoso/zt-databricks:environment:prod (up.yml) or repo:contoso/zt-databricks:pull_request "
                    + "(preview.yml); subjects are matched exactly, never as patterns or branches.");
            }
        });
    },
});

export const identityPolicies = [roleAssignmentLeastPrivilege, federatedCredentialGithubExact];
