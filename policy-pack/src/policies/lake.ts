// The governed data lake (issue 18) and seed 003's storage egress control on the Databricks subnets.

import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { arr, eqi, get, isTrue, label, peek, show, str } from "../lib/values";

/** The data lake component's type token: its storage accounts are the lake. */
const DATA_LAKE = "ztplatform:lake:DataLake";
const SERVICE_ENDPOINT_POLICY = "azure-native:network:ServiceEndpointPolicy";
/** The documented alias of the Databricks-managed artifact, log and system tables storage
 * (learn.microsoft.com/azure/databricks/security/network/classic/service-endpoints). */
export const DATABRICKS_ALIAS = "/services/Azure/Databricks";
/** One storage account's id: a policy definition naming a subscription or resource group opens every account in it. */
const STORAGE_ACCOUNT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i;

/** True for a resource inside the DataLake component (its URN carries the component's type chain). */
export function inDataLake(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${DATA_LAKE}$`);
}

export const dataLakeHardening = resourcePolicy({
    name: "data-lake-hardening",
    description: "The data lake's storage account must be ADLS Gen2 (hierarchical namespace), closed to public "
        + "networks, Entra-only, TLS 1.2, double-encrypted and encrypted with a customer-managed key through a "
        + "user-assigned identity.",
    types: [T.storageAccount],
    validate: (args, report) => {
        if (!inDataLake(args.urn)) {
            return;
        }
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!isTrue(p.isHnsEnabled)) {
            report(`${who} has isHnsEnabled ${show(p.isHnsEnabled)}: Unity Catalog external locations need ADLS Gen2. `
                + "Set isHnsEnabled to true (only possible at creation).");
        }
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. The lake is reached only through its `
                + "private endpoints and NCC rules: set publicNetworkAccess to 'Disabled'.");
        }
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
                    + "like { keyVaultUri: 'https://ztp-prod-platform-kv.vault.azure.net/', keyName: 'lake-storage-rsahsm3072' }.");
            }
            const identity = str(get(p, "encryption.encryptionIdentity.encryptionUserAssignedIdentity"));
            if (!identity) {
                report(`${who} has no encryption.encryptionIdentity.encryptionUserAssignedIdentity: the key must be used `
                    + "through a user-assigned identity holding Key Vault Crypto Service Encryption User on that key only.");
            }
        }
    },
});

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
    description: "Storage service endpoint policies may name single storage accounts and the Databricks alias only: "
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
                        + "Microsoft.Storage/storageAccounts/ztpprodlake.");
                } else if (eqi(service, "Global") && resource !== DATABRICKS_ALIAS) {
                    report(`${who} definition ${show(peek(d, "name"))} allows the alias ${show(resource)}; only `
                        + `${DATABRICKS_ALIAS} (Databricks-managed storage) is allowed.`);
                }
            }
        }
    },
});

export const lakePolicies = [dataLakeHardening, databricksSubnetStorageEndpointPolicy, serviceEndpointPolicyNarrow];
