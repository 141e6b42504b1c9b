// Storage accounts: private-only, Entra ID auth only, TLS 1.2+, HTTPS only, no anonymous blobs, double encryption.

import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { eqi, get, isTrue, label, show, str } from "../lib/values";

const ACCEPTED_TLS = ["TLS1_2", "TLS1_3"];

export const storageAccountZeroTrust = resourcePolicy({
    name: "storage-account-zero-trust",
    description: "Storage accounts must disable public network access and shared keys, require TLS 1.2 and HTTPS, "
        + "forbid anonymous blob access and cross-tenant replication, and use infrastructure encryption.",
    types: [T.storageAccount],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and reach the account through private endpoints.");
        }
        if (p.allowSharedKeyAccess !== false) {
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

export const storagePolicies = [storageAccountZeroTrust, storageAccountNetworkDefaultDeny];
