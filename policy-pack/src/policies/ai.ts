// The AI platform beside Databricks: the container registry and the AI services account are private and Entra ID only.

import { resourcePolicy } from "../lib/policy";
import { eqi, get, isTrue, label, show, str } from "../lib/values";

export const REGISTRY = "azure-native:containerregistry:Registry";
export const AI_ACCOUNT = "azure-native:cognitiveservices:Account";

export const containerRegistryZeroTrust = resourcePolicy({
    name: "container-registry-zero-trust",
    description: "Container registries must be Premium (private endpoints and the export policy need it), keep the "
        + "admin user off, disable public network access and disable exports.",
    types: [REGISTRY],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.registryName));
        if (!eqi(get(p, "sku.name"), "Premium")) {
            report(`${who} has sku.name ${show(get(p, "sku.name"))}: only Premium registries take private endpoints and `
                + "an export policy. Set sku.name to 'Premium'.");
        }
        if (p.adminUserEnabled !== false) {
            report(`${who} has adminUserEnabled ${show(p.adminUserEnabled)}: the admin user is a shared password that `
                + "bypasses Entra ID. Set adminUserEnabled to false.");
        }
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and pull through the registry's private endpoint.");
        }
        // The registry API spells the status in lowercase; Azure accepts Disabled only with public access Disabled.
        if (!eqi(get(p, "policies.exportPolicy.status"), "disabled")) {
            report(`${who} has policies.exportPolicy.status ${show(get(p, "policies.exportPolicy.status"))}: images can `
                + "leave through acr import or transfer pipelines. Set policies.exportPolicy.status to 'disabled'.");
        }
    },
});

export const aiServicesZeroTrust = resourcePolicy({
    name: "ai-services-zero-trust",
    description: "AI services (Cognitive Services) accounts must disable local (key) authentication and public "
        + "network access.",
    types: [AI_ACCOUNT],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!isTrue(get(p, "properties.disableLocalAuth"))) {
            report(`${who} has properties.disableLocalAuth ${show(get(p, "properties.disableLocalAuth"))}: API keys `
                + "bypass Entra ID and RBAC. Set properties.disableLocalAuth to true.");
        }
        if (!eqi(get(p, "properties.publicNetworkAccess"), "Disabled")) {
            report(`${who} has properties.publicNetworkAccess ${show(get(p, "properties.publicNetworkAccess"))}. Set `
                + "properties.publicNetworkAccess to 'Disabled' and call it through its private endpoint.");
        }
    },
});

export const aiPolicies = [containerRegistryZeroTrust, aiServicesZeroTrust];
