// The AI platform beside Databricks: the container registry and the AI services account are private and Entra ID only.

import { resourcePolicy } from "../lib/policy";
import { eqi, get, isTrue, label, present, show, str } from "../lib/values";

export const REGISTRY = "azure-native:containerregistry:Registry";
export const AI_ACCOUNT = "azure-native:cognitiveservices:Account";
export const ML_WORKSPACE = "azure-native:machinelearningservices:Workspace";
/** The platform's machine learning workspace component: its children are recognised by their URN's type chain. */
export const ML_WORKSPACE_COMPONENT = "ztplatform:ai:MachineLearningWorkspace";

/** True when the resource is a child of the platform's machine learning workspace component. */
export function inMlWorkspace(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${ML_WORKSPACE_COMPONENT}$`);
}

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

export const mlWorkspaceZeroTrust = resourcePolicy({
    name: "ml-workspace-zero-trust",
    description: "Azure Machine Learning workspaces must disable public network access (also behind a VNet), have a "
        + "managed identity, name their own storage, Key Vault, Application Insights and container registry, and not "
        + "run in v1 legacy mode.",
    types: [ML_WORKSPACE],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.workspaceName));
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and reach the workspace through its amlworkspace private endpoint.");
        }
        if (isTrue(p.allowPublicAccessWhenBehindVnet)) {
            report(`${who} has allowPublicAccessWhenBehindVnet true: the studio and API answer from the internet. Set `
                + "it to false.");
        }
        if (!present(p, "identity.type") || eqi(get(p, "identity.type"), "None")) {
            report(`${who} has no managed identity: it would reach its storage and vault with keys only. Set identity.type `
                + "to 'SystemAssigned' (or a user-assigned identity).");
        }
        for (const key of ["storageAccount", "keyVault", "applicationInsights"]) {
            if (!present(p, key)) {
                report(`${who} names no ${key}: Azure refuses the workspace without it. Set ${key} to the id of a private `
                    + "resource of this stack.");
            }
        }
        if (!present(p, "containerRegistry")) {
            // Without one, the first image build creates a Basic registry with public access
            // (learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet).
            report(`${who} names no containerRegistry: Azure ML would create a public Basic registry on the first image `
                + "build. Set containerRegistry to the platform's Premium registry.");
        }
        if (isTrue(p.v1LegacyMode)) {
            report(`${who} has v1LegacyMode true: v1 APIs bypass the workspace's private endpoint. Set it to false.`);
        }
    },
});

export const aiPolicies = [containerRegistryZeroTrust, aiServicesZeroTrust, mlWorkspaceZeroTrust];
