// Azure Databricks workspaces: Premium, VNet-injected, no public IPs, reachable only through Private Link.

import { normalizeId, refersTo } from "../lib/armid";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { endpointConnections, StackIndex, T } from "../lib/stackindex";
import { eqi, get, isTrue, label, peek, present, show, str } from "../lib/values";

export const databricksWorkspaceZeroTrust = resourcePolicy({
    name: "databricks-workspace-zero-trust",
    description: "Databricks workspaces must be Premium, VNet-injected, without public IPs, with public network "
        + "access disabled and NoAzureDatabricksRules (back-end Private Link).",
    types: [T.databricksWorkspace],
    validate: (args, report, guard) => {
        const p = args.props;
        const who = label(args.type, args.name, str(peek(p, "workspaceName")));
        guard("sku.name", () => {
            if (!eqi(get(p, "sku.name"), "premium")) {
                report(`${who} has sku.name ${show(get(p, "sku.name"))}: Private Link, VNet injection with secure cluster `
                    + "connectivity and CMK need the Premium tier. Set sku.name to 'premium'.");
            }
        });
        if (!present(p, "parameters.customVirtualNetworkId.value")) {
            report(`${who} is not VNet-injected: parameters.customVirtualNetworkId.value is not set. Set it to the `
                + "ARM id of the spoke VNet that holds the workspace's delegated host/container subnets.");
        }
        for (const sub of ["customPublicSubnetName", "customPrivateSubnetName"]) {
            if (!present(p, `parameters.${sub}.value`)) {
                report(`${who} has no parameters.${sub}.value: VNet injection needs both delegated subnets. Set it to `
                    + `the name of the ${sub === "customPublicSubnetName" ? "host" : "container"} subnet in the spoke VNet.`);
            }
        }
        guard("parameters.enableNoPublicIp", () => {
            if (!isTrue(get(p, "parameters.enableNoPublicIp.value"))) {
                report(`${who} has parameters.enableNoPublicIp.value ${show(get(p, "parameters.enableNoPublicIp.value"))}: `
                    + "cluster nodes would get public IPs. Set parameters.enableNoPublicIp.value to true (secure cluster connectivity).");
            }
        });
        guard("publicNetworkAccess/requiredNsgRules", () => {
            const pna = get(p, "publicNetworkAccess");
            if (!eqi(pna, "Disabled")) {
                report(`${who} has publicNetworkAccess ${show(pna)}: the workspace UI/API would be reachable from the `
                    + "internet. Set publicNetworkAccess to 'Disabled' and reach it through a front-end private endpoint.");
            }
            const nsgRules = get(p, "requiredNsgRules");
            if (eqi(nsgRules, "NoAzureDatabricksRules") && !eqi(pna, "Disabled")) {
                report(`${who} has requiredNsgRules 'NoAzureDatabricksRules' while publicNetworkAccess is ${show(pna)}: `
                    + "NoAzureDatabricksRules is valid only with back-end Private Link and public access off. Set "
                    + "publicNetworkAccess to 'Disabled'.");
            } else if (!eqi(nsgRules, "NoAzureDatabricksRules")) {
                report(`${who} has requiredNsgRules ${show(nsgRules)}: with back-end Private Link the control plane must `
                    + "not need NSG rules to the public endpoints. Set requiredNsgRules to 'NoAzureDatabricksRules' "
                    + "(with publicNetworkAccess 'Disabled').");
            }
        });
    },
});

export const databricksInfrastructureEncryption = resourcePolicy({
    name: "databricks-workspace-infrastructure-encryption",
    description: "Databricks workspaces should double-encrypt DBFS root storage (infrastructure encryption).",
    enforcementLevel: "advisory",
    types: [T.databricksWorkspace],
    validate: (args, report) => {
        const v = get(args.props, "parameters.requireInfrastructureEncryption.value");
        if (!isTrue(v)) {
            report(`${label(args.type, args.name, str(args.props.workspaceName))} has `
                + `parameters.requireInfrastructureEncryption.value ${show(v)}. Set it to true (can only be chosen at creation).`);
        }
    },
});

export const databricksBackendPrivateEndpoint = stackPolicy({
    name: "databricks-backend-private-endpoint",
    description: "Every Databricks workspace needs a back-end private endpoint (databricks_ui_api) in its own VNet.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const endpoints = idx.ofType(T.privateEndpoint);
        for (const ws of idx.ofType(T.databricksWorkspace)) {
            guard(ws.name, () => {
                const who = label(ws.type, ws.name, str(ws.props.workspaceName));
                const vnet = normalizeId(get(ws.props, "parameters.customVirtualNetworkId.value"));
                const targeting = endpoints.filter(pe => endpointConnections(pe.props)
                    .some(c => !c.manual && refersTo(c.target, ws.keys)
                        && c.groupIds.some(g => eqi(g, "databricks_ui_api"))));
                const inOwnVnet = targeting.filter(pe => {
                    const subnet = normalizeId(get(pe.props, "subnet.id"));
                    return vnet !== undefined && subnet !== undefined && subnet.startsWith(`${vnet}/subnets/`);
                });
                if (inOwnVnet.length > 0) {
                    return;
                }
                const elsewhere = targeting.length > 0
                    ? ` (${targeting.map(pe => `'${pe.name}'`).join(", ")} target it but sit outside the workspace VNet)`
                    : "";
                report(`${who} has no back-end private endpoint${elsewhere}: add an azure-native:network:PrivateEndpoint in a `
                    + "subnet of the workspace's own VNet (parameters.customVirtualNetworkId) with privateLinkServiceConnections "
                    + "[{ privateLinkServiceId: <workspace id>, groupIds: ['databricks_ui_api'] }].", ws.urn);
            });
        }
    },
});

export const databricksPolicies = [
    databricksWorkspaceZeroTrust,
    databricksInfrastructureEncryption,
    databricksBackendPrivateEndpoint,
];
