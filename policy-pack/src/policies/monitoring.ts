// Diagnostic settings: the firewall's rule logs and the vault's audit log go to a destination, so a zero-trust
// decision (allowed, denied, key read) leaves a trace. Log categories:
// learn.microsoft.com/azure/firewall/monitor-firewall-reference (AZFW* resource-specific tables, legacy
// AzureFirewall*Rule), learn.microsoft.com/azure/key-vault/general/logging (AuditEvent, category group 'audit').

import { refersTo } from "../lib/armid";
import { stackPolicy } from "../lib/policy";
import { Res, StackIndex, T } from "../lib/stackindex";
import { arr, get, isFalse, label, obj, str } from "../lib/values";

export const DIAGNOSTIC_SETTING = "azure-native:insights:DiagnosticSetting";

interface Requirement {
    type: string;
    /** Any one of these sets of categories (or a category group) satisfies it. */
    needs: string[][];
    groups: string[];
    what: string;
}

const REQUIREMENTS: Requirement[] = [
    { type: T.azureFirewall, needs: [["AZFWApplicationRule", "AZFWNetworkRule"], ["AzureFirewallApplicationRule", "AzureFirewallNetworkRule"]],
        groups: ["allLogs"], what: "application and network rule logs (AZFWApplicationRule + AZFWNetworkRule)" },
    { type: T.keyVault, needs: [["AuditEvent"]], groups: ["audit", "allLogs"], what: "the audit log (category group 'audit' or AuditEvent)" },
];

function enabledLogs(ds: Res): { categories: Set<string>; groups: Set<string> } {
    const categories = new Set<string>();
    const groups = new Set<string>();
    for (const l of arr(ds.props.logs)) {
        const log = obj(l);
        if (isFalse(log.enabled)) {
            continue;
        }
        const c = str(log.category);
        const g = str(log.categoryGroup);
        if (c) {
            categories.add(c.toLowerCase());
        }
        if (g) {
            groups.add(g.toLowerCase());
        }
    }
    return { categories, groups };
}

function hasDestination(ds: Res): boolean {
    return ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId"]
        .some(k => typeof ds.props[k] === "string" && (ds.props[k] as string).length > 0);
}

export const diagnosticSettingsOnCriticalResources = stackPolicy({
    name: "diagnostic-settings-on-critical-resources",
    description: "Every Azure Firewall sends its application and network rule logs, and every Key Vault its audit log, "
        + "to a destination through a DiagnosticSetting of this stack.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const settings = idx.ofType(DIAGNOSTIC_SETTING);
        for (const req of REQUIREMENTS) {
            for (const r of idx.ofType(req.type)) {
                const who = label(r.type, r.name);
                guard(who, () => {
                    const mine = settings.filter(ds => refersTo(get(ds.props, "resourceUri"), r.keys));
                    const ok = mine.some(ds => {
                        if (!hasDestination(ds)) {
                            return false;
                        }
                        const { categories, groups } = enabledLogs(ds);
                        return req.groups.some(g => groups.has(g.toLowerCase()))
                            || req.needs.some(set => set.every(c => categories.has(c.toLowerCase())));
                    });
                    if (!ok) {
                        report(`${who} has ${mine.length === 0 ? "no diagnostic setting" : `diagnostic setting(s) ${mine.map(d => `'${d.name}'`).join(", ")} without a destination or without ${req.what} enabled`}: `
                            + `its decisions leave no trace. Add an azure-native:insights:DiagnosticSetting with resourceUri = its id, `
                            + `workspaceId = the platform Log Analytics workspace and ${req.what} enabled.`, r.urn);
                    }
                });
            }
        }
    },
});

export const monitoringPolicies = [diagnosticSettingsOnCriticalResources];
