// Governance: mandatory tags on every taggable Azure resource, and deployment only to allowed regions.

import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { label, obj, show, str } from "../lib/values";
import untaggable from "../data/untaggable-types.json";

export const REQUIRED_TAGS = ["environment", "owner", "costCenter", "dataClassification"] as const;

/**
 * azure-native resource types whose inputs have no `tags` (Subnet, Route, VirtualNetworkPeering,
 * PrivateDnsZoneGroup, DiagnosticSetting, FirewallPolicyRuleCollectionGroup, RoleAssignment, locks, ...),
 * generated from the azure-native SDK the program uses; see scripts/gen-untaggable-types.py.
 */
export const UNTAGGABLE_TYPES: ReadonlySet<string> = new Set(untaggable.types);

export function isTaggable(type: string): boolean {
    return type.startsWith("azure-native:") && !UNTAGGABLE_TYPES.has(type);
}

export const requiredTags = resourcePolicy({
    name: "required-tags",
    description: `Every taggable Azure resource must carry the tags ${REQUIRED_TAGS.join(", ")} with non-empty values.`,
    validate: (args, report) => {
        if (!isTaggable(args.type)) {
            return;
        }
        const tags = obj(args.props.tags);
        const missing = REQUIRED_TAGS.filter(t => typeof tags[t] !== "string" || tags[t].trim().length === 0);
        if (missing.length > 0) {
            report(`${label(args.type, args.name)} lacks tag(s) ${missing.join(", ")}. Set tags.${missing[0]} (and the rest) `
                + "from the stack's tags config; every Azure resource that accepts tags needs all of "
                + `${REQUIRED_TAGS.join(", ")}.`);
        }
    },
});

/** Public-cloud regions with Azure Databricks (the same list the Java program validates against). */
export const DEFAULT_ALLOWED_LOCATIONS = [
    "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "brazilsouth",
    "canadacentral", "canadaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2",
    "francecentral", "germanywestcentral", "japaneast", "japanwest", "koreacentral", "northcentralus",
    "northeurope", "norwayeast", "qatarcentral", "southafricanorth", "southcentralus", "southeastasia",
    "southindia", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaenorth", "uksouth", "ukwest",
    "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3",
];

/**
 * Types Azure only creates in the "global" location: DNS zones and their links, Azure Monitor's action groups and
 * activity log alerts (learn.microsoft.com/azure/azure-monitor/alerts/activity-log-alerts: the rule is global) and
 * Azure Monitor Private Link Scopes (learn.microsoft.com/azure/azure-monitor/logs/private-link-configure: the scope's
 * location is global; its private endpoint is regional).
 */
export const GLOBAL_TYPES: ReadonlySet<string> = new Set([
    T.privateZone, T.virtualNetworkLink, "azure-native:network:DnsZone", "azure-native:insights:ActionGroup",
    "azure-native:insights:ActivityLogAlert", "azure-native:insights:PrivateLinkScope",
]);

function normalizeLocation(location: string): string {
    return location.toLowerCase().replace(/\s+/g, "");
}

export const allowedRegions = resourcePolicy({
    name: "allowed-regions",
    description: "Azure resources may only be deployed to the allowed regions (config allowedLocations; default the "
        + "public-cloud Azure Databricks regions); DNS zones and their links, action groups, activity log alerts and Azure "
        + "Monitor Private Link Scopes live in 'Global'.",
    config: {
        allowedLocations: {
            type: "array",
            items: { type: "string", minLength: 1 },
            minItems: 1,
            default: DEFAULT_ALLOWED_LOCATIONS,
            description: "Azure regions resources may be deployed to (e.g. ['westeurope', 'northeurope']).",
        },
    },
    validate: (args, report) => {
        if (!args.type.startsWith("azure-native:")) {
            return;
        }
        const location = str(args.props.location);
        if (location === undefined) {
            return;
        }
        const configured = args.getConfig<{ allowedLocations?: unknown }>().allowedLocations;
        const allowed = (Array.isArray(configured) && configured.length > 0 ? configured : DEFAULT_ALLOWED_LOCATIONS)
            .filter((l): l is string => typeof l === "string").map(normalizeLocation);
        const loc = normalizeLocation(location);
        if (loc === "global") {
            if (!GLOBAL_TYPES.has(args.type)) {
                report(`${label(args.type, args.name)} has location ${show(location)}; only DNS zones, their virtual `
                    + "network links, action groups, activity log alerts and Azure Monitor Private Link Scopes may be global. Set location to an allowed region such as "
                    + `'${allowed[0] ?? "westeurope"}'.`);
            }
            return;
        }
        if (!allowed.includes(loc)) {
            report(`${label(args.type, args.name)} has location ${show(location)}, which is not an allowed region. Set `
                + `location to one of: ${allowed.join(", ")} (or add it to the policy config allowedLocations).`);
        }
    },
});

export const governancePolicies = [requiredTags, allowedRegions];
