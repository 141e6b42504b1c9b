// Diagnostic settings: the firewall's rule logs and the vault's audit log go to a destination, so a zero-trust
// decision (allowed, denied, key read) leaves a trace. Log categories:
// learn.microsoft.com/azure/firewall/monitor-firewall-reference (AZFW* resource-specific tables, legacy
// AzureFirewall*Rule), learn.microsoft.com/azure/key-vault/general/logging (AuditEvent, category group 'audit').

import { refersTo } from "../lib/armid";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { endpointConnections, Res, StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, hasUnknown, isFalse, label, obj, peek, show, str, unknownYet } from "../lib/values";

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

/**
 * The types with resource logs (Azure Monitor "supported resource log categories",
 * learn.microsoft.com/azure/azure-monitor/reference/supported-logs/logs-index), as the Java reference data
 * components/.../common/diagnostic-log-categories.json lists them (test/diagnostics-parity.test.ts holds the two equal).
 * A storage account's logs are on its four services, each with its own setting.
 */
export const DIAGNOSABLE: Record<string, string> = {
    "azure-native:cognitiveservices:Account": "Microsoft.CognitiveServices/accounts",
    "azure-native:containerregistry:Registry": "Microsoft.ContainerRegistry/registries",
    "azure-native:containerservice:ManagedCluster": "Microsoft.ContainerService/managedClusters",
    "azure-native:databricks:Workspace": "Microsoft.Databricks/workspaces",
    "azure-native:keyvault:Vault": "Microsoft.KeyVault/vaults",
    "azure-native:machinelearningservices:Workspace": "Microsoft.MachineLearningServices/workspaces",
    "azure-native:network:AzureFirewall": "Microsoft.Network/azureFirewalls",
    "azure-native:network:BastionHost": "Microsoft.Network/bastionHosts",
    "azure-native:network:LoadBalancer": "Microsoft.Network/loadBalancers",
    "azure-native:network:NetworkSecurityGroup": "Microsoft.Network/networkSecurityGroups",
    "azure-native:network:PublicIPAddress": "Microsoft.Network/publicIPAddresses",
    "azure-native:network:VirtualNetworkGateway": "Microsoft.Network/virtualNetworkGateways",
    "azure-native:network:VirtualNetwork": "Microsoft.Network/virtualNetworks",
    "azure-native:operationalinsights:Workspace": "Microsoft.OperationalInsights/workspaces",
    "azure-native:servicebus:Namespace": "Microsoft.ServiceBus/namespaces",
    "azure-native:web:WebApp": "Microsoft.Web/sites",
};
export const STORAGE_SERVICES = ["blobServices", "fileServices", "queueServices", "tableServices"];
const WORKSPACE = "azure-native:operationalinsights:Workspace";

function sendsLogs(ds: Res): boolean {
    const { categories, groups } = enabledLogs(ds);
    return categories.size + groups.size > 0;
}

export const diagnosticSettingsEverywhere = stackPolicy({
    name: "diagnostic-settings-to-platform-workspace",
    description: "Every resource of a type with resource logs (and each service of every storage account) has a "
        + "DiagnosticSetting sending enabled logs to the stack's Log Analytics workspace.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const settings = idx.ofType(DIAGNOSTIC_SETTING).filter(sendsLogs);
        // The stack's own workspace when it creates one; with an existing workspace, any workspace id counts.
        const workspaces = idx.ofType(WORKSPACE).flatMap(w => w.keys);
        const toPlatform = (ds: Res) => workspaces.length === 0
            ? typeof ds.props.workspaceId === "string" && ds.props.workspaceId.length > 0
            : refersTo(get(ds.props, "workspaceId"), workspaces);
        const covered = (keys: readonly string[]) => settings.some(ds => toPlatform(ds) && refersTo(get(ds.props, "resourceUri"), keys));
        for (const r of idx.all) {
            const who = label(r.type, r.name);
            guard(who, () => {
                if (r.keys.length === 0) {
                    return;
                }
                if (DIAGNOSABLE[r.type] !== undefined && !covered(r.keys)) {
                    report(`${who} (${DIAGNOSABLE[r.type]}) has resource logs but no diagnostic setting sends them to the `
                        + "platform Log Analytics workspace: add an azure-native:insights:DiagnosticSetting with resourceUri = "
                        + "its id, workspaceId = the platform workspace and its logs enabled (Diagnostics.send).", r.urn);
                } else if (r.type === T.storageAccount) {
                    const missing = STORAGE_SERVICES.filter(s => !covered(r.keys.map(k => `${k}/${s.toLowerCase()}/default`)));
                    if (missing.length > 0) {
                        report(`${who} sends no logs of its ${missing.join(", ")} to the platform Log Analytics workspace: `
                            + "storage logs are per service; add a DiagnosticSetting on <account id>/<service>/default for "
                            + "each (Diagnostics.sendStorage).", r.urn);
                    }
                }
            });
        }
    },
});

// Azure Monitor Private Link Scope (AMPLS): learn.microsoft.com/azure/azure-monitor/logs/private-link-design and
// learn.microsoft.com/azure/azure-monitor/logs/private-link-configure.
export const PRIVATE_LINK_SCOPE = "azure-native:insights:PrivateLinkScope";
export const SCOPED_RESOURCE = "azure-native:insights:PrivateLinkScopedResource";
export const APP_INSIGHTS = "azure-native:insights:Component";
export const LOG_ANALYTICS_WORKSPACE = "azure-native:operationalinsights:Workspace";

export const monitorPrivateLinkScopePrivateOnly = resourcePolicy({
    name: "monitor-private-link-scope-private-only",
    description: "Azure Monitor Private Link Scopes must set ingestion and query access modes to PrivateOnly (Azure's "
        + "default is Open) without exclusions that reopen an endpoint: in Open mode the platform's networks reach "
        + "any tenant's workspace through the endpoint, an exfiltration path.",
    types: [PRIVATE_LINK_SCOPE],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(peek(p, "scopeName")));
        for (const mode of ["ingestionAccessMode", "queryAccessMode"]) {
            const value = get(p, `accessModeSettings.${mode}`);
            if (!eqi(value, "PrivateOnly")) {
                report(`${who} has accessModeSettings.${mode} ${show(value)}${value === undefined ? " (Azure's default: Open)" : ""}: `
                    + "clients using the scope's endpoint could reach Azure Monitor resources outside it. "
                    + `Set accessModeSettings.${mode} to 'PrivateOnly'.`);
            }
        }
        arr(get(p, "accessModeSettings.exclusions")).forEach((x, i) => {
            const open = ["ingestionAccessMode", "queryAccessMode"].filter(m => !eqi(obj(x)[m], "PrivateOnly"));
            if (open.length > 0) {
                report(`${who} has accessModeSettings.exclusions[${i}] (${show(obj(x).privateEndpointConnectionName)}) `
                    + `with ${open.join(" and ")} not PrivateOnly: that endpoint connection reaches resources outside the `
                    + "scope. Remove the exclusion.");
            }
        });
    },
});

export const monitorPrivateLinkScopeCoversStack = stackPolicy({
    name: "monitor-private-link-scope-covers-stack",
    description: "A stack has at most one Azure Monitor Private Link Scope (one per DNS: a second one's endpoint "
        + "overwrites the first one's records in the shared zones), reached through an azuremonitor private endpoint, "
        + "and every Log Analytics workspace and Application Insights component of the stack is one of its scoped "
        + "resources (in PrivateOnly mode the platform's networks reach nothing else).",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const scopes = idx.ofType(PRIVATE_LINK_SCOPE);
        if (scopes.length === 0) {
            return;
        }
        if (scopes.length > 1) {
            for (const s of scopes.slice(1)) {
                report(`${label(s.type, s.name)} is this stack's ${scopes.length > 2 ? "extra" : "second"} Azure Monitor `
                    + `Private Link Scope, beside ${label(scopes[0].type, scopes[0].name)}: Azure allows one per DNS, and its `
                    + "endpoint would overwrite the other's records in the shared Azure Monitor zones. Add its resources "
                    + "to the first scope instead.", s.urn);
            }
        }
        const scope = scopes[0];
        const who = label(scope.type, scope.name, str(peek(scope.props, "scopeName")));
        guard(`${scope.name} endpoint`, () => {
            const endpoints = idx.ofType(T.privateEndpoint).filter(pe => endpointConnections(pe.props)
                .some(c => refersTo(c.target, scope.keys) && c.groupIds.some(g => eqi(g, "azuremonitor"))));
            if (endpoints.length === 0) {
                if (idx.ofType(T.privateEndpoint).some(pe => hasUnknown(pe.props.privateLinkServiceConnections))) {
                    unknownYet("the private endpoint of the Azure Monitor Private Link Scope");
                }
                report(`${who} has no private endpoint with groupIds ['azuremonitor'], so no network uses it. Add an `
                    + "azure-native:network:PrivateEndpoint to it in the hub's private-endpoint subnet.", scope.urn);
            }
        });
        const scopeName = str(peek(scope.props, "scopeName"))?.toLowerCase();
        const scoped = idx.ofType(SCOPED_RESOURCE).filter(r => str(peek(r.props, "scopeName"))?.toLowerCase() === scopeName);
        for (const r of [...idx.ofType(LOG_ANALYTICS_WORKSPACE), ...idx.ofType(APP_INSIGHTS)]) {
            guard(r.name, () => {
                if (scoped.some(s => refersTo(peek(s.props, "linkedResourceId"), r.keys))) {
                    return;
                }
                if (scoped.some(s => hasUnknown(s.props.linkedResourceId))) {
                    unknownYet(`whether ${r.name} is a scoped resource of ${scope.name}`);
                }
                report(`${label(r.type, r.name)} is not a scoped resource of ${who}: with the scope's PrivateOnly modes, `
                    + "the platform's networks can neither send to nor query it. Add an "
                    + `azure-native:insights:PrivateLinkScopedResource with linkedResourceId = its id.`, r.urn);
            });
        }
    },
});

const FLOW_LOG = /^azure-native:network(\/v\d+)?:FlowLog$/;

export const vnetFlowLogs = stackPolicy({
    name: "vnet-flow-logs-traffic-analytics",
    description: "Every virtual network of the stack has an enabled VNet flow log with retention and traffic analytics "
        + "into a Log Analytics workspace (NSG flow logs are retired; learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview).",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const flowLogs = idx.all.filter(r => FLOW_LOG.test(r.type));
        for (const vnet of idx.ofType(T.virtualNetwork)) {
            const who = label(vnet.type, vnet.name);
            guard(who, () => {
                const mine = flowLogs.filter(f => refersTo(get(f.props, "targetResourceId"), vnet.keys));
                if (mine.length === 0) {
                    report(`${who} has no flow log: its traffic leaves no record. Add a Network Watcher flow log with `
                        + "targetResourceId = its id (VnetFlowLogs).", vnet.urn);
                    return;
                }
                for (const f of mine) {
                    const ta = obj(get(obj(f.props.flowAnalyticsConfiguration), "networkWatcherFlowAnalyticsConfiguration"));
                    const problems: string[] = [];
                    if (isFalse(f.props.enabled)) {
                        problems.push("is disabled");
                    }
                    if (ta.enabled !== true) {
                        problems.push("has traffic analytics off");
                    } else if (!str(ta.workspaceResourceId)) {
                        problems.push("names no traffic analytics workspace (workspaceResourceId)");
                    }
                    const retention = obj(f.props.retentionPolicy);
                    if (retention.enabled !== true || typeof retention.days !== "number" || retention.days < 1) {
                        problems.push("keeps its files without a retention policy (retentionPolicy.enabled and days)");
                    }
                    if (problems.length > 0) {
                        report(`${who}'s flow log '${f.name}' ${problems.join(", ")}.`, f.urn);
                    }
                }
            });
        }
    },
});

// Saved queries in customer storage: learn.microsoft.com/azure/azure-monitor/logs/customer-managed-keys ("Customer-managed
// key for saved queries and log search alerts") and learn.microsoft.com/azure/azure-monitor/logs/private-storage; Azure's
// built-in fa298e57 "Saved-queries in Azure Monitor should be saved in customer storage account for logs encryption".
export const LINKED_STORAGE_ACCOUNT = "azure-native:operationalinsights:LinkedStorageAccount";
/** The data source types the workspace's own account is linked for: saved queries and saved log alert queries. */
export const SAVED_QUERY_SOURCES = ["Query", "Alerts"];

export const logAnalyticsSavedQueriesInCustomerStorage = resourcePolicy({
    name: "log-analytics-saved-queries-customer-storage",
    description: "Log Analytics workspaces must keep saved queries in the customer's storage account (forceCmkForQuery "
        + "true, as Azure's built-in 'Saved-queries in Azure Monitor should be saved in customer storage account for logs "
        + "encryption' requires) and have a managed identity, without which Azure refuses to link storage for queries "
        + "and alerts (since 31 August 2025).",
    types: [LOG_ANALYTICS_WORKSPACE],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(peek(p, "workspaceName")));
        if (p.forceCmkForQuery !== true) {
            report(`${who} has forceCmkForQuery ${show(p.forceCmkForQuery)}: saved queries and functions are kept in `
                + "Microsoft's storage, out of reach of the platform's key. Set forceCmkForQuery to true and link the "
                + "workspace's storage account for 'Query' and 'Alerts' (SavedQueryStorage).");
        }
        const identity = str(get(p, "identity.type")) ?? "";
        if (!/assigned/i.test(identity)) {
            report(`${who} has identity.type ${show(get(p, "identity.type"))}: Azure links storage for saved queries and `
                + "alerts only to a workspace with a managed identity. Set identity.type to 'SystemAssigned'.");
        }
    },
});

export const logAnalyticsSavedQueryStorageLinked = stackPolicy({
    name: "log-analytics-saved-query-storage-linked",
    description: "Every Log Analytics workspace the stack creates has its saved-query storage linked for 'Query' and "
        + "'Alerts', to a storage account of the stack in the workspace's region that admits Azure Monitor as a trusted "
        + "service (learn.microsoft.com/azure/azure-monitor/logs/private-storage).",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        for (const law of idx.ofType(LOG_ANALYTICS_WORKSPACE)) {
            const who = label(law.type, law.name, str(law.props.workspaceName));
            guard(who, () => {
                const links = idx.childrenOf(law, LINKED_STORAGE_ACCOUNT);
                for (const source of SAVED_QUERY_SOURCES) {
                    const link = links.find(l => eqi(l.props.dataSourceType, source));
                    if (link === undefined) {
                        report(`${who} has no linked storage account for '${source}': with forceCmkForQuery its saved `
                            + `${source === "Query" ? "queries" : "log alert queries"} have nowhere to go. Add a `
                            + `LinkedStorageAccount with dataSourceType '${source}' (SavedQueryStorage).`, law.urn);
                        continue;
                    }
                    const ids = arr(link.props.storageAccountIds);
                    if (ids.length === 0) {
                        report(`${who}'s linked storage '${source}' names no storage account.`, link.urn);
                    }
                    for (const id of ids) {
                        const account = idx.ofType(T.storageAccount).find(a => refersTo(id, a.keys));
                        const accountWho = account ? label(account.type, account.name, str(account.props.accountName)) : show(id);
                        if (account === undefined) {
                            report(`${who}'s linked storage '${source}' names ${accountWho}, which is not an account of `
                                + "this stack: the platform's key and firewall cannot be checked on it.", link.urn);
                        } else if (!eqi(account.props.location, str(law.props.location) ?? "")) {
                            report(`${who} (${show(law.props.location)}) is linked for '${source}' to ${accountWho} in `
                                + `${show(account.props.location)}: Azure links only an account in the workspace's region.`, link.urn);
                        } else if (!eqi(get(account.props, "networkRuleSet.bypass"), "AzureServices")) {
                            report(`${who} is linked for '${source}' to ${accountWho}, whose firewall does not admit `
                                + "trusted Azure services (networkRuleSet.bypass 'AzureServices'): Azure Monitor cannot "
                                + "reach it.", link.urn);
                        }
                    }
                }
            });
        }
    },
});

export const monitoringPolicies = [diagnosticSettingsOnCriticalResources, diagnosticSettingsEverywhere, vnetFlowLogs,
    monitorPrivateLinkScopePrivateOnly, monitorPrivateLinkScopeCoversStack, logAnalyticsSavedQueriesInCustomerStorage,
    logAnalyticsSavedQueryStorageLinked];
