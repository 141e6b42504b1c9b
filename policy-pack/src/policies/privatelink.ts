// Private Link: private-only resources have private endpoints, every private endpoint registers in the right
// private DNS zone, and endpoints to this stack's own resources are approved automatically.

import { refersTo } from "../lib/armid";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { endpointConnections, Res, StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, label, leafName, obj, peek, present, show, str } from "../lib/values";
import { connectorTrustedAccessProblem, inDataLake } from "./lake";
import { fabricTrustedAccessProblem } from "./storage";

/** Private DNS zone(s) each sub-resource (groupId) registers in; only unambiguous groupIds are listed. */
export const EXPECTED_ZONES: Record<string, string[]> = {
    databricks_ui_api: ["privatelink.azuredatabricks.net"],
    browser_authentication: ["privatelink.azuredatabricks.net"],
    blob: ["privatelink.blob.core.windows.net"],
    blob_secondary: ["privatelink.blob.core.windows.net"],
    dfs: ["privatelink.dfs.core.windows.net"],
    dfs_secondary: ["privatelink.dfs.core.windows.net"],
    file: ["privatelink.file.core.windows.net"],
    queue: ["privatelink.queue.core.windows.net"],
    queue_secondary: ["privatelink.queue.core.windows.net"],
    table: ["privatelink.table.core.windows.net"],
    table_secondary: ["privatelink.table.core.windows.net"],
    web: ["privatelink.web.core.windows.net"],
    web_secondary: ["privatelink.web.core.windows.net"],
    vault: ["privatelink.vaultcore.azure.net"],
    managedhsm: ["privatelink.managedhsm.azure.net"],
    registry: ["privatelink.azurecr.io"],
    amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    searchservice: ["privatelink.search.windows.net"],
    sql: ["privatelink.documents.azure.com"],
    sqlserver: ["privatelink.database.windows.net"],
    namespace: ["privatelink.servicebus.windows.net"],
    // One endpoint of an Azure Monitor Private Link Scope answers for the global and workspace-specific hosts, each in
    // its own zone (learn.microsoft.com/azure/azure-monitor/logs/private-link-configure).
    azuremonitor: ["privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com",
        "privatelink.ods.opinsights.azure.com", "privatelink.agentsvc.azure-automation.net",
        "privatelink.blob.core.windows.net"],
    account: ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"],
};

/**
 * Zones an endpoint must register in ALL of, by the target's kind: one endpoint of an AI services account answers
 * for its Cognitive Services, OpenAI and services.ai host names, and a host name whose zone is missing resolves
 * publicly (learn.microsoft.com/azure/ai-foundry/agents/how-to/virtual-networks).
 */
export const ALL_ZONES_BY_ACCOUNT_KIND: Record<string, string[]> = {
    aiservices: ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"],
    openai: ["privatelink.openai.azure.com"],
};

/**
 * True when the resource declares public network access Disabled (top level or under properties), or is a storage
 * account in the Fabric trusted-access shape: its public endpoint admits only Fabric, so everything else still needs
 * a private endpoint.
 */
export function isPrivateOnly(r: { type?: string; props: Record<string, any> }): boolean {
    if (r.type === T.storageAccount && eqi(r.props.publicNetworkAccess, "Enabled")) {
        return fabricTrustedAccessProblem(r.props) === undefined;
    }
    return eqi(r.props.publicNetworkAccess, "Disabled") || eqi(get(r.props, "properties.publicNetworkAccess"), "Disabled");
}

/** isPrivateOnly, reading around values that are unknown during preview (an unknown setting is not "Disabled" yet). */
function privateOnlyKnown(r: Res): boolean {
    if (r.type === T.storageAccount && eqi(peek(r.props, "publicNetworkAccess"), "Enabled")) {
        // Fabric trusted workspace access, or the data lake admitting only Unity Catalog's access connector: the
        // public endpoint serves one Azure service, so the stack's own compute needs a private endpoint.
        return fabricTrustedAccessProblem(r.props) === undefined
            || (inDataLake(r.urn) && connectorTrustedAccessProblem(r.props) === undefined);
    }
    return eqi(peek(r.props, "publicNetworkAccess"), "Disabled") || eqi(peek(peek(r.props, "properties"), "publicNetworkAccess"), "Disabled");
}

function peName(pe: Res): string | undefined {
    return str(pe.props.privateEndpointName);
}

export const privateEndpointAutomaticApproval = stackPolicy({
    name: "private-endpoint-automatic-approval",
    description: "Private endpoints to resources of this stack must use privateLinkServiceConnections (automatic "
        + "approval), not manualPrivateLinkServiceConnections.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        for (const pe of idx.ofType(T.privateEndpoint)) {
            guard(pe.name, () => {
                for (const c of endpointConnections(pe.props).filter(x => x.manual)) {
                    const target = idx.find(c.target);
                    if (!target) {
                        continue; // cross-tenant or foreign targets legitimately need manual approval
                    }
                    report(`${label(pe.type, pe.name, peName(pe))} connects to ${label(target.type, target.name)} (in this stack) `
                        + `through manualPrivateLinkServiceConnections '${c.name ?? "?"}': the connection stays Pending until `
                        + "someone approves it by hand. Move it to privateLinkServiceConnections (same privateLinkServiceId "
                        + `and groupIds ${show(c.groupIds)}).`, pe.urn);
                }
            });
        }
    },
});

export const privateEndpointWithDns = stackPolicy({
    name: "private-endpoint-with-dns",
    description: "Every resource with public network access disabled needs a private endpoint, and every private "
        + "endpoint needs a DNS zone group registering it in the matching privatelink zone.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const endpoints = idx.ofType(T.privateEndpoint);
        for (const r of idx.all.filter(x => x.type.startsWith("azure-native:"))) {
            guard(r.name, () => {
                if (!privateOnlyKnown(r)) {
                    return;
                }
                const has = endpoints.some(pe => endpointConnections(pe.props).some(c => refersTo(c.target, r.keys)));
                if (!has) {
                    const access = eqi(peek(r.props, "publicNetworkAccess"), "Enabled")
                        ? (inDataLake(r.urn) && connectorTrustedAccessProblem(r.props) === undefined
                            ? "admits only Unity Catalog's access connector on its public endpoint"
                            : "admits only Fabric trusted workspace access on its public endpoint")
                        : "has public network access disabled";
                    report(`${label(r.type, r.name)} ${access} but no private endpoint, so nothing else can `
                        + "reach it. Add an azure-native:network:PrivateEndpoint with privateLinkServiceConnections "
                        + "[{ privateLinkServiceId: <its id>, groupIds: [<sub-resource>] }] and a PrivateDnsZoneGroup.", r.urn);
                }
            });
        }
        for (const pe of endpoints) {
            guard(pe.name, () => {
                const who = label(pe.type, pe.name, peName(pe));
                const groups = idx.dnsZoneGroupsOf(pe);
                const zones = groups.flatMap(g => arr(g.props.privateDnsZoneConfigs)
                    .map(c => leafName(obj(c).privateDnsZoneId)?.toLowerCase())
                    .filter((z): z is string => z !== undefined));
                if (zones.length === 0) {
                    report(`${who} has no PrivateDnsZoneGroup with privateDnsZoneConfigs, so clients resolve the public name. `
                        + `Add an azure-native:network:PrivateDnsZoneGroup with privateEndpointName '${peName(pe) ?? pe.name}' `
                        + "and privateDnsZoneConfigs [{ name, privateDnsZoneId: <privatelink zone id> }].", pe.urn);
                    return;
                }
                for (const c of endpointConnections(pe.props)) {
                    const target = idx.find(c.target);
                    if (target?.type !== "azure-native:cognitiveservices:Account") {
                        continue;
                    }
                    const kind = String(peek(target.props, "kind") ?? "").toLowerCase();
                    const missing = (ALL_ZONES_BY_ACCOUNT_KIND[kind] ?? []).filter(e => !zones.some(z => z === e));
                    if (missing.length > 0) {
                        report(`${who} serves ${label(target.type, target.name)} (kind ${show(peek(target.props, "kind"))}) but its DNS `
                            + `zone group lacks ${missing.map(m => `'${m}'`).join(", ")}: those host names of the account would `
                            + "resolve publicly. Add a privateDnsZoneConfigs entry for each.", pe.urn);
                    }
                }
                const groupIds = endpointConnections(pe.props).flatMap(c => c.groupIds);
                // One amlworkspace endpoint answers for the workspace API and its notebooks, each in its own zone
                // (learn.microsoft.com/azure/machine-learning/how-to-configure-private-link).
                // So does one azuremonitor endpoint for Azure Monitor's global endpoints and the workspace-specific
                // OMS, ODS and agent hosts.
                for (const all of ["amlworkspace", "azuremonitor"]) {
                    if (!groupIds.some(g => g.toLowerCase() === all)) {
                        continue;
                    }
                    const missing = EXPECTED_ZONES[all].filter(e => !zones.some(z => z === e));
                    if (missing.length > 0) {
                        report(`${who} serves sub-resource '${all}' but its DNS zone group lacks `
                            + `${missing.map(m => `'${m}'`).join(", ")}: those ${all === "amlworkspace" ? "workspace" : "Azure Monitor"} `
                            + "host names would resolve publicly. Add a privateDnsZoneConfigs entry for each.", pe.urn);
                    }
                }
                for (const g of groupIds) {
                    const expected = EXPECTED_ZONES[g.toLowerCase()];
                    if (expected && !expected.some(e => zones.some(z => z === e || z.endsWith(`.${e}`)))) {
                        report(`${who} serves sub-resource '${g}' but its DNS zone group registers it in ${show(zones)}. Add `
                            + `a privateDnsZoneConfigs entry for ${expected.map(e => `'${e}'`).join(" or ")}.`, pe.urn);
                    }
                }
            });
        }
    },
});

export const privateEndpointHasConnection = resourcePolicy({
    name: "private-endpoint-has-connection",
    description: "Private endpoints must name their target (privateLinkServiceId) and sub-resource (groupIds).",
    types: [T.privateEndpoint],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(peek(p, "privateEndpointName")));
        const lists = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"];
        const conns = lists.flatMap(l => (present(p, l) ? arr(peek(p, l)) : []).map((c, i) => ({ path: `${l}[${i}]`, c })));
        if (conns.length === 0 && !lists.some(l => present(p, l))) {
            report(`${who} has no privateLinkServiceConnections. Set privateLinkServiceConnections `
                + "[{ name, privateLinkServiceId: <target id>, groupIds: [<sub-resource>] }].");
        }
        for (const { path, c } of conns) {
            if (!present(c, "privateLinkServiceId") || !present(c, "groupIds") || (Array.isArray(peek(c, "groupIds")) && peek(c, "groupIds").length === 0)) {
                report(`${who} has a connection ${path} ('${str(peek(c, "name")) ?? "?"}') without privateLinkServiceId or groupIds. Set both.`);
            }
        }
        if (!present(p, "subnet.id")) {
            report(`${who} has no subnet.id. Set subnet.id to a private-endpoint subnet.`);
        }
    },
});

export const privateLinkPolicies = [privateEndpointAutomaticApproval, privateEndpointWithDns, privateEndpointHasConnection];
