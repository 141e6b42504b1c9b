// Storage accounts: private-only, Entra ID auth only, TLS 1.2+, HTTPS only, no anonymous blobs, double encryption,
// customer-managed keys.

import { inSharingStorage, sharingNetworkProblem } from "./sharing";
import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { eqi, get, isTrue, label, show, str } from "../lib/values";
import { inMlWorkspace } from "./ai";
import { connectorTrustedAccessProblem, inDataLake } from "./lake";

const ACCEPTED_TLS = ["TLS1_2", "TLS1_3"];

/** The VNet flow log account of the stack's VnetFlowLogs component. */
export const FLOW_LOGS_COMPONENT = "ztplatform:monitoring:VnetFlowLogs";

export function inFlowLogs(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${FLOW_LOGS_COMPONENT}$`);
}

/** The Log Analytics workspace's saved-query account (SavedQueryStorage). */
export const SAVED_QUERY_COMPONENT = "ztplatform:monitoring:SavedQueryStorage";

export function inSavedQueryStorage(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${SAVED_QUERY_COMPONENT}$`);
}

/**
 * Network Watcher writes flow logs from outside the VNet, as a trusted Azure service
 * (learn.microsoft.com/azure/storage/common/storage-network-security#trusted-access-for-resources-registered-in-your-subscription),
 * which a Disabled public endpoint refuses. The one shape accepted for the flow log account: Enabled, default Deny,
 * bypass AzureServices only, no IP, VNet or resource instance rule. Returns why not, or undefined.
 */
export function flowLogAccountProblem(p: Record<string, any>): string | undefined {
    const rules = p.networkRuleSet ?? {};
    if (!eqi(rules.defaultAction, "Deny")) {
        return `networkRuleSet.defaultAction is ${show(rules.defaultAction)}, not 'Deny'`;
    }
    if (!eqi(rules.bypass, "AzureServices")) {
        return `networkRuleSet.bypass is ${show(rules.bypass)}, not 'AzureServices'`;
    }
    for (const key of ["ipRules", "virtualNetworkRules", "resourceAccessRules"]) {
        if (Array.isArray(rules[key]) && rules[key].length > 0) {
            return `networkRuleSet.${key} is not empty`;
        }
    }
    return undefined;
}

/** Fabric's pseudo-resource id of a workspace, as a resource instance rule names it. */
const FABRIC_WORKSPACE_RULE =
    /^\/subscriptions\/00000000-0000-0000-0000-000000000000\/resourcegroups\/fabric\/providers\/microsoft\.fabric\/workspaces\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fabric trusted workspace access ignores resource instance rules when public network access is Disabled: it needs
 * "enabled from selected networks" (learn.microsoft.com/fabric/security/security-trusted-workspace-access). The one
 * shape accepted instead of Disabled: Enabled, default Deny, no bypass, no IP or VNet rule, and only Fabric
 * workspaces as resource instance rules. Returns why an account is not in that shape, or undefined when it is.
 */
export function fabricTrustedAccessProblem(p: Record<string, any>): string | undefined {
    const rules = p.networkRuleSet ?? {};
    const instanceRules: unknown[] = Array.isArray(rules.resourceAccessRules) ? rules.resourceAccessRules : [];
    if (!eqi(rules.defaultAction, "Deny")) {
        return `networkRuleSet.defaultAction is ${show(rules.defaultAction)}, not 'Deny'`;
    }
    if (!eqi(rules.bypass, "None")) {
        return `networkRuleSet.bypass is ${show(rules.bypass)}, not 'None'`;
    }
    for (const key of ["ipRules", "virtualNetworkRules"]) {
        if (Array.isArray(rules[key]) && rules[key].length > 0) {
            return `networkRuleSet.${key} is not empty`;
        }
    }
    if (instanceRules.length === 0) {
        return "networkRuleSet.resourceAccessRules names no Fabric workspace";
    }
    const other = instanceRules.find(r => !FABRIC_WORKSPACE_RULE.test(str((r as any)?.resourceId) ?? ""));
    if (other !== undefined) {
        return `networkRuleSet.resourceAccessRules admits ${show((other as any)?.resourceId)}, which is not a Fabric workspace`;
    }
    return undefined;
}

export const storageAccountZeroTrust = resourcePolicy({
    name: "storage-account-zero-trust",
    description: "Storage accounts must disable public network access (or admit only Fabric trusted workspace access, "
        + "or for the data lake only Unity Catalog's access connector, or for the Delta Sharing account only its "
        + "recipients' declared networks) "
        + "and shared keys, require TLS 1.2 and HTTPS, forbid anonymous blob access and cross-tenant replication, "
        + "and use infrastructure encryption.",
    types: [T.storageAccount],
    validate: (args, report, guard) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        const lake = inDataLake(args.urn);
        // The network shape may name resources created by the same deployment (unknown in a first preview): only this
        // check waits for them, the others below still run.
        guard("publicNetworkAccess/networkRuleSet", () => {
        if (eqi(p.publicNetworkAccess, "Enabled") && fabricTrustedAccessProblem(p) === undefined) {
            // Fabric trusted workspace access: the public endpoint admits only the named Fabric workspaces.
        } else if (lake && eqi(p.publicNetworkAccess, "Enabled") && connectorTrustedAccessProblem(p) === undefined) {
            // The data lake: the public endpoint admits only Unity Catalog's access connector (data-lake-hardening
            // judges the details, data-lake-resource-rules-own-connector whose connector it is).
        } else if (inFlowLogs(args.urn) && eqi(p.publicNetworkAccess, "Enabled") && flowLogAccountProblem(p) === undefined) {
            // The VNet flow log account: only trusted Azure services (Network Watcher) through the public endpoint.
        } else if (inSavedQueryStorage(args.urn) && eqi(p.publicNetworkAccess, "Enabled")
            && flowLogAccountProblem(p) === undefined) {
            // The workspace's saved-query account: the same shape, for Azure Monitor, which reaches a linked account
            // through the trusted Microsoft services exception (learn.microsoft.com/azure/azure-monitor/logs/private-storage).
        } else if (inSharingStorage(args.urn) && eqi(p.publicNetworkAccess, "Enabled")
            && sharingNetworkProblem(p) === undefined) {
            // The Delta Sharing account: the public endpoint admits only the recipients' declared networks and the
            // access connector (sharing-storage-hardening judges the details, sharing-storage-ip-rules-from-recipients
            // that every IP rule is a recipient's).
        } else if (!eqi(p.publicNetworkAccess, "Disabled")) {
            const fabric = eqi(p.publicNetworkAccess, "Enabled") ? ` It is not Fabric trusted workspace access either: `
                + `${fabricTrustedAccessProblem(p)}.` + (lake ? ` Nor the data lake's access-connector-only firewall: `
                + `${connectorTrustedAccessProblem(p)}.` : "") + (inSharingStorage(args.urn) ? ` Nor the Delta Sharing `
                + `account's recipients-only firewall: ${sharingNetworkProblem(p)}.` : "")
                + (inSavedQueryStorage(args.urn) ? ` Nor the saved-query account's trusted-services-only firewall: `
                + `${flowLogAccountProblem(p)}.` : "") : "";
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and reach the account through private endpoints." + fabric);
        }
        });
        // Accepted keys: the machine learning workspace's own account. Its system datastores use the account key under
        // workspace API 2023-04-01 (azure-native 2.10.0); identity-only access needs systemDatastoresAuthMode, a later
        // API (learn.microsoft.com/azure/machine-learning/how-to-disable-local-auth-storage).
        // And the VNet flow log account: Network Watcher writes with the account key unless the flow log has a managed
        // identity, which needs network API 2023-11-01 (learn.microsoft.com/azure/network-watcher/vnet-flow-logs-managed-identity);
        // azure-native 2.10.0's provider serves flow logs up to 2023-05-01.
        if (p.allowSharedKeyAccess !== false && !inMlWorkspace(args.urn) && !inFlowLogs(args.urn)) {
            report(`${who} has allowSharedKeyAccess ${show(p.allowSharedKeyAccess)} (Azure's default allows account keys `
                + "and SAS). Set allowSharedKeyAccess to false so only Entra ID identities get in.");
        }
        if (!ACCEPTED_TLS.some(v => eqi(p.minimumTlsVersion, v))) {
            report(`${who} has minimumTlsVersion ${show(p.minimumTlsVersion)}. Set minimumTlsVersion to 'TLS1_2'.`);
        }
        if (!isTrue(p.enableHttpsTrafficOnly)) {
            report(`${who} has enableHttpsTrafficOnly ${show(p.enableHttpsTrafficOnly)}. Set enableHttpsTrafficOnly to true.`);
        }
        if (p.allowBlobPublicAccess !== false) {
            report(`${who} has allowBlobPublicAccess ${show(p.allowBlobPublicAccess)}: containers could be made anonymous. `
                + "Set allowBlobPublicAccess to false.");
        }
        if (isTrue(p.allowCrossTenantReplication)) {
            // Object replication to an account in another Entra tenant copies data out of the platform
            // (learn.microsoft.com/azure/storage/blobs/object-replication-prevent-cross-tenant-policies).
            report(`${who} has allowCrossTenantReplication true: object replication could copy its data to another tenant's `
                + "account. Set allowCrossTenantReplication to false.");
        }
        if (!isTrue(get(p, "encryption.requireInfrastructureEncryption"))) {
            report(`${who} has encryption.requireInfrastructureEncryption `
                + `${show(get(p, "encryption.requireInfrastructureEncryption"))}. Set it to true (only possible at creation).`);
        }
    },
});

export const storageAccountNetworkDefaultDeny = resourcePolicy({
    name: "storage-account-network-default-deny",
    description: "Storage account firewalls should deny by default (defence in depth behind publicNetworkAccess).",
    enforcementLevel: "advisory",
    types: [T.storageAccount],
    validate: (args, report) => {
        const action = get(args.props, "networkRuleSet.defaultAction");
        if (!eqi(action, "Deny")) {
            report(`${label(args.type, args.name, str(args.props.accountName))} has networkRuleSet.defaultAction `
                + `${show(action)}. Set networkRuleSet.defaultAction to 'Deny' (bypass 'AzureServices' only if needed).`);
        }
    },
});

/**
 * Every storage account the platform creates is encrypted with a platform vault key, the same way
 * (com.ztplatform.components.keyvault.StorageEncryption): Azure's built-in "Storage accounts should use customer-managed
 * key for encryption" (6fac406b-40ca-413b-bf8e-0bf964659c25) asks the key; this also asks how it is used. The key is
 * named without a version (Azure Storage then follows its rotations), through a user-assigned identity the account
 * holds (its own, holding Key Vault Crypto Service Encryption User on that key only), and queues and tables are keyed
 * to the account so the key covers them too (fixed at creation:
 * learn.microsoft.com/azure/storage/common/account-encryption-key-create).
 */
export const storageAccountCustomerManagedKey = resourcePolicy({
    name: "storage-account-customer-managed-key",
    description: "Storage accounts must be encrypted with a customer-managed key from the platform vault: keySource "
        + "Microsoft.Keyvault, the key named without a version, used through a user-assigned identity of the account, "
        + "and queues and tables keyed to the account.",
    types: [T.storageAccount],
    validate: (args, report, guard) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!eqi(get(p, "encryption.keySource"), "Microsoft.Keyvault")) {
            report(`${who} has encryption.keySource ${show(get(p, "encryption.keySource"))}: its data is encrypted with `
                + "Microsoft-managed keys only. Encrypt it with a platform vault key through StorageEncryption "
                + "(keySource 'Microsoft.Keyvault', keyVaultProperties, encryptionIdentity).");
            return;
        }
        guard("encryption.keyVaultProperties", () => {
            const kv = get(p, "encryption.keyVaultProperties") ?? {};
            if (!str(kv.keyName) || !str(kv.keyVaultUri)) {
                report(`${who} uses a customer-managed key but encryption.keyVaultProperties lacks keyName or keyVaultUri, `
                    + "like { keyVaultUri: 'https://ztp-prod-platform-kv.vault.azure.net/', keyName: 'func-storage-rsahsm3072' }.");
            }
            if (str(kv.keyVersion)) {
                report(`${who} pins key version ${show(kv.keyVersion)}: the account would not follow the key's rotations. `
                    + "Remove encryption.keyVaultProperties.keyVersion.");
            }
        });
        // Whether the account holds a user-assigned identity at all is known even while the identities' ids are not
        // (a first preview): checked on its own, so an account without one is refused before deployment too.
        guard("identity.userAssignedIdentities", () => {
            const assigned = p.identity?.userAssignedIdentities;
            const count = Array.isArray(assigned) ? assigned.length : Object.keys(assigned ?? {}).length;
            if (count === 0 || !String(p.identity?.type ?? "").toLowerCase().includes("userassigned")) {
                report(`${who} holds no user-assigned identity (identity.type ${show(p.identity?.type)}): the key is used `
                    + "through one, and Azure refuses the key otherwise. Assign the account its encryption identity.");
            }
        });
        guard("encryption.encryptionIdentity/identity", () => {
            const identity = str(get(p, "encryption.encryptionIdentity.encryptionUserAssignedIdentity"));
            if (!identity) {
                report(`${who} has no encryption.encryptionIdentity.encryptionUserAssignedIdentity: the key must be used `
                    + "through a user-assigned identity of the account holding Key Vault Crypto Service Encryption User on "
                    + "that key only.");
                return;
            }
            const assigned = p.identity?.userAssignedIdentities;
            const ids = Array.isArray(assigned) ? assigned.map((x: unknown) => String(x))
                : Object.keys(assigned ?? {});
            if (ids.length > 0 && !ids.some(id => eqi(id, identity))) {
                report(`${who} encrypts through ${show(identity)}, which is not one of its user-assigned identities `
                    + "(identity.userAssignedIdentities): Azure refuses the key. Assign that identity to the account.");
            }
        });
        for (const service of ["queue", "table"]) {
            const keyType = get(p, `encryption.services.${service}.keyType`);
            if (!eqi(keyType, "Account")) {
                report(`${who} has encryption.services.${service}.keyType ${show(keyType)}: ${service}s stay under a `
                    + `Microsoft-managed service key. Set it to 'Account' (only possible at creation).`);
            }
        }
    },
});

export const storagePolicies = [storageAccountZeroTrust, storageAccountNetworkDefaultDeny,
    storageAccountCustomerManagedKey];
