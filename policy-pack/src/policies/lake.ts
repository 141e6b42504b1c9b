// The governed data lake (issue 18) and seed 003's storage egress control on the Databricks subnets.

import { inMlWorkspace } from "./ai";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, isTrue, label, obj, peek, show, str } from "../lib/values";

/** The data lake component's type token: its storage accounts are the lake. */
const DATA_LAKE = "ztplatform:lake:DataLake";
const SERVICE_ENDPOINT_POLICY = "azure-native:network:ServiceEndpointPolicy";
/** The documented alias of the Databricks-managed artifact, log and system tables storage
 * (learn.microsoft.com/azure/databricks/security/network/classic/service-endpoints). */
export const DATABRICKS_ALIAS = "/services/Azure/Databricks";
/**
 * Storage the Azure Machine Learning back end (Batch) owns, for the ML compute subnet's policy
 * (learn.microsoft.com/azure/machine-learning/how-to-prevent-data-loss-exfiltration).
 */
export const ML_ALIAS = "/services/Azure/MachineLearning";
/** One storage account's id: a policy definition naming a subscription or resource group opens every account in it. */
const STORAGE_ACCOUNT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i;

const ACCESS_CONNECTOR = "azure-native:databricks:AccessConnector";
/** An Azure Databricks access connector's ARM id: the only resource a lake's resource instance rule may name. */
export const ACCESS_CONNECTOR_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Databricks\/accessConnectors\/[^/]+$/i;

/** True for a resource inside the DataLake component (its URN carries the component's type chain). */
export function inDataLake(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${DATA_LAKE}$`);
}

/**
 * Why a data lake account with public network access Enabled is not in the one accepted shape (default Deny, bypass
 * None, no IP or VNet rule, resource instance rules for access connectors only), or undefined when it is. A rule's
 * resource id that is not known yet (preview: the connector is created by the same deployment) is not judged.
 */
export function connectorTrustedAccessProblem(p: Record<string, any>): string | undefined {
    const rules = obj(p.networkRuleSet);
    if (!eqi(rules.defaultAction, "Deny")) {
        return `networkRuleSet.defaultAction is ${show(rules.defaultAction)}, not 'Deny'`;
    }
    if (!eqi(rules.bypass, "None")) {
        return `networkRuleSet.bypass is ${show(rules.bypass)}, not 'None'`;
    }
    for (const key of ["ipRules", "virtualNetworkRules"]) {
        if (arr(peek(rules, key)).length > 0) {
            return `networkRuleSet.${key} is not empty`;
        }
    }
    const instances = arr(peek(rules, "resourceAccessRules"));
    if (instances.length === 0) {
        return "networkRuleSet.resourceAccessRules names no access connector";
    }
    for (const rule of instances) {
        const id = peek(rule, "resourceId");
        if (id !== undefined && !(typeof id === "string" && ACCESS_CONNECTOR_ID.test(id))) {
            return `networkRuleSet.resourceAccessRules admits ${show(id)}, which is not an Azure Databricks access connector`;
        }
    }
    return undefined;
}

/**
 * The lake's network: public network access Disabled (private endpoints only), or Enabled in exactly one shape, the
 * one Databricks documents for Unity Catalog on a firewalled account: default Deny, bypass None, no IP rule, no
 * virtual network rule, and resource instance rules that name Azure Databricks access connectors only
 * (learn.microsoft.com/azure/databricks/connect/unity-catalog/cloud-storage/azure-managed-identities). Azure evaluates
 * resource instance rules only while access is Enabled from selected networks
 * (learn.microsoft.com/azure/storage/common/storage-network-security-resource-instances). Whether a named connector
 * is this stack's own is data-lake-resource-rules-own-connector's question.
 */
function checkLakeNetwork(who: string, p: Record<string, any>, report: (m: string) => void, guard: (what: string, check: () => void) => void): void {
    if (eqi(p.publicNetworkAccess, "Disabled")) {
        return;
    }
    if (!eqi(p.publicNetworkAccess, "Enabled")) {
        report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set 'Disabled' (private endpoints only) or `
            + "'Enabled' with networkRuleSet { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [], "
            + "resourceAccessRules: [the Unity Catalog access connector] }.");
        return;
    }
    const rules = obj(p.networkRuleSet);
    const shape = "publicNetworkAccess 'Enabled' is accepted only with networkRuleSet { defaultAction: 'Deny', bypass: "
        + "'None', no ipRules, no virtualNetworkRules, resourceAccessRules naming the Unity Catalog access connector }";
    if (!eqi(rules.defaultAction, "Deny")) {
        report(`${who} has publicNetworkAccess 'Enabled' with networkRuleSet.defaultAction ${show(rules.defaultAction)}: `
            + `every network reaches the lake's public endpoint. ${shape}.`);
    }
    if (!eqi(rules.bypass, "None")) {
        report(`${who} has networkRuleSet.bypass ${show(rules.bypass)}: every instance of the bypassed services passes the `
            + `firewall. Set bypass to 'None'; ${shape}.`);
    }
    guard("networkRuleSet.ipRules", () => {
        const ips = arr(rules.ipRules);
        if (ips.length > 0) {
            report(`${who} admits ${ips.length} IP rule(s) (${show(ips.map(r => peek(r, "iPAddressOrRange") ?? peek(r, "value")))}) `
                + `on the lake's public endpoint. Remove them; ${shape}.`);
        }
    });
    guard("networkRuleSet.virtualNetworkRules", () => {
        const vnets = arr(rules.virtualNetworkRules);
        if (vnets.length > 0) {
            report(`${who} admits ${vnets.length} virtual network rule(s) on the lake's public endpoint. Remove them: `
                + `clusters use the private endpoints; ${shape}.`);
        }
    });
    guard("networkRuleSet.resourceAccessRules", () => {
        const instances = arr(rules.resourceAccessRules);
        if (instances.length === 0) {
            report(`${who} has publicNetworkAccess 'Enabled' without a resource instance rule: nothing needs the public `
                + "endpoint. Set publicNetworkAccess to 'Disabled', or add the Unity Catalog access connector as the one "
                + "resourceAccessRules entry.");
        }
        instances.forEach((rule, i) => guard(`networkRuleSet.resourceAccessRules[${i}]`, () => {
            const id = str(obj(rule).resourceId);
            if (!id || !ACCESS_CONNECTOR_ID.test(id)) {
                report(`${who} admits the resource instance ${show(obj(rule).resourceId)}, which is not an Azure Databricks `
                    + "access connector. Only Unity Catalog's connector may pass the lake's firewall, like "
                    + "/subscriptions/<id>/resourceGroups/ztp-prod-lake-rg/providers/Microsoft.Databricks/accessConnectors/ztp-prod-lake-ac.");
            }
            if (!str(obj(rule).tenantId)) {
                report(`${who} resource instance rule ${show(id)} has no tenantId: name the account's own tenant.`);
            }
        }));
    });
}

export const dataLakeHardening = resourcePolicy({
    name: "data-lake-hardening",
    description: "The data lake's storage account must be ADLS Gen2 (hierarchical namespace), closed to networks "
        + "(publicNetworkAccess Disabled, or Enabled only with default Deny, bypass None, no IP or virtual network rule "
        + "and resource instance rules for access connectors only), Entra-only, TLS 1.2, double-encrypted and encrypted "
        + "with a customer-managed key through a user-assigned identity.",
    types: [T.storageAccount],
    validate: (args, report, guard) => {
        if (!inDataLake(args.urn)) {
            return;
        }
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!isTrue(p.isHnsEnabled)) {
            report(`${who} has isHnsEnabled ${show(p.isHnsEnabled)}: Unity Catalog external locations need ADLS Gen2. `
                + "Set isHnsEnabled to true (only possible at creation).");
        }
        checkLakeNetwork(who, p, report, guard);
        checkLakeEncryption(who, p, report);
    },
});

/**
 * The hardening the lake and the Delta Sharing account share: Entra only (no shared keys), TLS 1.2, infrastructure
 * encryption and the customer-managed key through a user-assigned identity.
 */
export function checkLakeEncryption(who: string, p: Record<string, any>, report: (m: string) => void): void {
    if (p.allowSharedKeyAccess !== false) {
        report(`${who} has allowSharedKeyAccess ${show(p.allowSharedKeyAccess)}. Set allowSharedKeyAccess to false.`);
    }
    if (!eqi(p.minimumTlsVersion, "TLS1_2") && !eqi(p.minimumTlsVersion, "TLS1_3")) {
        report(`${who} has minimumTlsVersion ${show(p.minimumTlsVersion)}. Set minimumTlsVersion to 'TLS1_2'.`);
    }
    if (!isTrue(get(p, "encryption.requireInfrastructureEncryption"))) {
        report(`${who} has encryption.requireInfrastructureEncryption `
            + `${show(get(p, "encryption.requireInfrastructureEncryption"))}. Set it to true (only at creation).`);
    }
    if (!eqi(get(p, "encryption.keySource"), "Microsoft.Keyvault")) {
        report(`${who} has encryption.keySource ${show(get(p, "encryption.keySource"))}: the lake is encrypted with `
            + "Microsoft-managed keys only. Set encryption.keySource to 'Microsoft.Keyvault' with the platform "
            + "vault's lake key (encryption.keyVaultProperties).");
    } else {
        if (!str(get(p, "encryption.keyVaultProperties.keyName")) || !str(get(p, "encryption.keyVaultProperties.keyVaultUri"))) {
            report(`${who} uses a customer-managed key but encryption.keyVaultProperties lacks keyName or keyVaultUri, `
                + "like { keyVaultUri: 'https://ztp-prod-plat-abdc-ym4ky.vault.azure.net/', keyName: 'lake-storage-rsahsm3072' }.");
        }
        const identity = str(get(p, "encryption.encryptionIdentity.encryptionUserAssignedIdentity"));
        if (!identity) {
            report(`${who} has no encryption.encryptionIdentity.encryptionUserAssignedIdentity: the key must be used `
                + "through a user-assigned identity holding Key Vault Crypto Service Encryption User on that key only.");
        }
    }
}

export const databricksSubnetStorageEndpointPolicy = resourcePolicy({
    name: "databricks-subnet-storage-endpoint-policy",
    description: "Subnets delegated to Databricks must have the Microsoft.Storage service endpoint with a service "
        + "endpoint policy, so clusters reach only this stack's and Databricks' own storage accounts (seed 003).",
    types: [T.subnet],
    validate: (args, report) => {
        const p = args.props;
        const delegated = arr(p.delegations).some(d => eqi(d?.serviceName, "Microsoft.Databricks/workspaces"));
        if (!delegated) {
            return;
        }
        const who = label(args.type, args.name, str(p.subnetName));
        if (!arr(p.serviceEndpoints).some(e => eqi(e?.service, "Microsoft.Storage"))) {
            report(`${who} is a Databricks subnet without the Microsoft.Storage service endpoint: storage traffic goes `
                + "to any account the firewall's storage rules admit. Add serviceEndpoints [{ service: 'Microsoft.Storage' }] "
                + "with a service endpoint policy.");
        }
        if (arr(p.serviceEndpointPolicies).length === 0) {
            report(`${who} is a Databricks subnet without a service endpoint policy: over the service endpoint clusters `
                + "could write to any storage account in the region. Attach a policy like ztp-prod-analytics-sep "
                + `(Microsoft.Storage: this stack's accounts; Global: ${DATABRICKS_ALIAS}).`);
        }
    },
});

export const serviceEndpointPolicyNarrow = resourcePolicy({
    name: "service-endpoint-policy-narrow",
    description: "Storage service endpoint policies may name single storage accounts and the Databricks alias only "
        + "(the machine learning workspace's policy also the Azure Machine Learning alias): "
        + "a subscription or resource group, or the /services/Azure alias, admits accounts nobody reviewed.",
    types: [SERVICE_ENDPOINT_POLICY],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.serviceEndpointPolicyName));
        const definitions = arr(p.serviceEndpointPolicyDefinitions);
        if (definitions.length === 0) {
            report(`${who} has no serviceEndpointPolicyDefinitions: attached to a subnet it blocks all storage, including `
                + `Databricks' own. Name the stack's accounts (Microsoft.Storage) and ${DATABRICKS_ALIAS} (Global).`);
        }
        for (const d of definitions) {
            const service = str(peek(d, "service"));
            // During a preview the ids of accounts created by this deployment are unknown: those are this program's
            // own accounts, so skip them and judge every value that is known.
            const resources = peek(d, "serviceResources");
            const count = Number(peek(resources, "length") ?? 0);
            for (let i = 0; i < count; i++) {
                const resource = str(peek(resources, String(i)));
                if (resource === undefined) {
                    continue;
                }
                if (eqi(service, "Microsoft.Storage") && !STORAGE_ACCOUNT_ID.test(resource)) {
                    report(`${who} definition ${show(peek(d, "name"))} allows ${show(resource)}, which is wider than one storage `
                        + "account. Name accounts, like /subscriptions/<id>/resourceGroups/ztp-prod-lake-rg/providers/"
                        + "Microsoft.Storage/storageAccounts/ztpprodlakeym4ky.");
                } else if (eqi(service, "Global") && resource !== DATABRICKS_ALIAS
                    && !(resource === ML_ALIAS && inMlWorkspace(args.urn))) {
                    report(`${who} definition ${show(peek(d, "name"))} allows the alias ${show(resource)}; only `
                        + `${DATABRICKS_ALIAS} (Databricks-managed storage) is allowed`
                        + ` (and ${ML_ALIAS} on the machine learning workspace's compute subnet).`);
                }
            }
        }
    },
});

export const dataLakeResourceRulesOwnConnector = stackPolicy({
    name: "data-lake-resource-rules-own-connector",
    description: "A resource instance rule on the data lake's firewall names an Azure Databricks access connector of "
        + "this stack: a rule for anyone else's connector lets another Databricks account's Unity Catalog through.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        for (const lake of idx.ofType(T.storageAccount).filter(a => inDataLake(a.urn))) {
            const rules = arr(peek(peek(lake.props, "networkRuleSet"), "resourceAccessRules"));
            rules.forEach((rule, i) => guard(`${lake.name} resourceAccessRules[${i}]`, () => {
                const ref = obj(rule).resourceId;
                const target = idx.find(ref);
                if (!target || target.type !== ACCESS_CONNECTOR) {
                    report(`${label(lake.type, lake.name, str(lake.props.accountName))} admits the resource instance `
                        + `${show(ref)}, which is not an access connector of this stack. Name only the lake's own Unity `
                        + "Catalog connector (DataLake's access connector).", lake.urn);
                }
            }));
        }
    },
});

export const lakePolicies = [dataLakeHardening, dataLakeResourceRulesOwnConnector, databricksSubnetStorageEndpointPolicy,
    serviceEndpointPolicyNarrow];
