// The private integration: the Service Bus namespace and the function app are private and take no keys.

import { resourcePolicy } from "../lib/policy";
import { eqi, get, isTrue, label, show, str } from "../lib/values";

export const SERVICE_BUS_NAMESPACE = "azure-native:servicebus:Namespace";
export const WEB_APP = "azure-native:web:WebApp";

// What a key or SAS in a setting looks like: storage account keys, Service Bus / Event Hubs SAS keys, SAS tokens.
const KEY_MARKERS = [/AccountKey=/i, /SharedAccessKey=/i, /SharedAccessSignature=/i, /[?&]sig=/i];
// Settings that exist only to carry a key: Azure Files content share, classic storage connection strings.
const KEY_SETTINGS = ["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"];

export const serviceBusZeroTrust = resourcePolicy({
    name: "service-bus-zero-trust",
    description: "Service Bus namespaces must be Premium (private endpoints need it), disable local (SAS) "
        + "authentication and disable public network access.",
    types: [SERVICE_BUS_NAMESPACE],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.namespaceName));
        if (!eqi(get(p, "sku.name"), "Premium")) {
            report(`${who} has sku.name ${show(get(p, "sku.name"))}: only Premium namespaces take private endpoints. `
                + "Set sku.name to 'Premium'.");
        }
        if (!isTrue(p.disableLocalAuth)) {
            report(`${who} has disableLocalAuth ${show(p.disableLocalAuth)}: SAS keys and connection strings bypass `
                + "Entra ID and RBAC. Set disableLocalAuth to true.");
        }
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and connect through the namespace's private endpoint.");
        }
    },
});

export const functionAppZeroTrust = resourcePolicy({
    name: "function-app-zero-trust",
    description: "Function and web apps must disable public network access, serve HTTPS only, turn FTP off, route all "
        + "outbound traffic through their VNet integration, and keep no storage or Service Bus key in their app "
        + "settings.",
    types: [WEB_APP],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, str(p.name));
        if (!eqi(p.publicNetworkAccess, "Disabled")) {
            report(`${who} has publicNetworkAccess ${show(p.publicNetworkAccess)}. Set publicNetworkAccess to 'Disabled' `
                + "and reach the app through its private endpoint.");
        }
        if (!isTrue(p.httpsOnly)) {
            report(`${who} has httpsOnly ${show(p.httpsOnly)}. Set httpsOnly to true.`);
        }
        if (!eqi(get(p, "siteConfig.ftpsState"), "Disabled")) {
            report(`${who} has siteConfig.ftpsState ${show(get(p, "siteConfig.ftpsState"))}: FTP publishing uses basic `
                + "credentials. Set siteConfig.ftpsState to 'Disabled'.");
        }
        if (p.virtualNetworkSubnetId !== undefined && !isTrue(p.vnetRouteAllEnabled)
            && !isTrue(get(p, "siteConfig.vnetRouteAllEnabled"))) {
            report(`${who} is VNet-integrated but vnetRouteAllEnabled is ${show(p.vnetRouteAllEnabled)}: its internet `
                + "traffic would bypass the subnet's route to the firewall. Set vnetRouteAllEnabled to true.");
        }
        const settings = get(p, "siteConfig.appSettings");
        if (Array.isArray(settings)) {
            for (const s of settings) {
                const name = str(s?.name) ?? "";
                const value = typeof s?.value === "string" ? s.value : "";
                if (KEY_SETTINGS.includes(name) || KEY_MARKERS.some(m => m.test(value))
                    || (name === "AzureWebJobsStorage" && value !== "")) {
                    report(`${who} has app setting ${name} holding a key or connection string. Use identity-based `
                        + `connections (${name}__accountName or __fullyQualifiedNamespace, __credential, __clientId).`);
                }
            }
        }
    },
});

export const integrationPolicies = [serviceBusZeroTrust, functionAppZeroTrust];
