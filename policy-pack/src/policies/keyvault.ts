// Key Vaults: RBAC, purge protection, soft delete, private-only, firewall deny by default.

import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { eqi, get, isFalse, isTrue, label, show, str } from "../lib/values";

export const keyVaultZeroTrust = resourcePolicy({
    name: "key-vault-zero-trust",
    description: "Key Vaults must use RBAC, purge protection and soft delete, disable public network access and "
        + "deny by default in networkAcls.",
    types: [T.keyVault],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.vaultName));
        const v = (k: string) => get(p, `properties.${k}`);
        if (!isTrue(v("enableRbacAuthorization"))) {
            report(`${who} has properties.enableRbacAuthorization ${show(v("enableRbacAuthorization"))}: access policies `
                + "bypass Entra ID RBAC and PIM. Set properties.enableRbacAuthorization to true.");
        }
        if (!isTrue(v("enablePurgeProtection"))) {
            report(`${who} has properties.enablePurgeProtection ${show(v("enablePurgeProtection"))}: deleted keys (CMK) `
                + "could be purged. Set properties.enablePurgeProtection to true.");
        }
        if (isFalse(v("enableSoftDelete"))) {
            report(`${who} has properties.enableSoftDelete false. Set properties.enableSoftDelete to true.`);
        }
        const days = v("softDeleteRetentionInDays");
        if (days !== undefined && days !== null && (typeof days !== "number" || days < 7 || days > 90)) {
            report(`${who} has properties.softDeleteRetentionInDays ${show(days)}. Set it to a number from 7 to 90 (90 recommended).`);
        }
        if (!eqi(v("publicNetworkAccess"), "Disabled")) {
            report(`${who} has properties.publicNetworkAccess ${show(v("publicNetworkAccess"))}. Set `
                + "properties.publicNetworkAccess to 'Disabled' and use a private endpoint.");
        }
        if (!eqi(v("networkAcls.defaultAction"), "Deny")) {
            report(`${who} has properties.networkAcls.defaultAction ${show(v("networkAcls.defaultAction"))}. Set `
                + "properties.networkAcls.defaultAction to 'Deny' (bypass 'AzureServices' where Databricks needs it).");
        }
    },
});

export const keyVaultPolicies = [keyVaultZeroTrust];
