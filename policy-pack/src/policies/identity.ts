// Role assignments: no standing subscription-wide (or wider) control-plane power, and no Key Vault data-plane
// administrator for automation identities. Role ids are Azure's built-in ids
// (learn.microsoft.com/azure/role-based-access-control/built-in-roles/general and .../built-in-roles/privileged,
// .../built-in-roles/security for Key Vault).

import { resourcePolicy } from "../lib/policy";
import { eqi, label, leafName, show, str } from "../lib/values";

export const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

/** Roles that, held at subscription scope or above, own the whole platform (and can grant themselves data access). */
export const PRIVILEGED_ROLES: Record<string, string> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

export const KEY_VAULT_ADMINISTRATOR = "00482a5a-887f-4fb3-b363-3b7fe8e74483";

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
    description: "No Owner, Contributor, User Access Administrator or RBAC Administrator at subscription (or wider) "
        + "scope, and no Key Vault Administrator for service principals or managed identities.",
    types: [ROLE_ASSIGNMENT],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.roleAssignmentName));
        guard("roleDefinitionId/scope", () => {
            const role = leafName(args.props.roleDefinitionId)?.toLowerCase();
            if (!role) {
                return;
            }
            const privileged = PRIVILEGED_ROLES[role];
            if (privileged && isSubscriptionOrWider(args.props.scope)) {
                report(`${who} grants ${privileged} at scope ${show(args.props.scope)}: standing control of the whole `
                    + "subscription (every network, firewall and vault of the platform). Grant a narrower role at the resource "
                    + "or resource-group scope that needs it (e.g. 'Key Vault Secrets User' on the vault).");
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

export const identityPolicies = [roleAssignmentLeastPrivilege];
