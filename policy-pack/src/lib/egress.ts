// Egress destinations by name: which DNS names lie in a domain every Azure (or cloud) tenant shares, and whether a
// name under such a domain is one the platform may reach. A wildcard over a shared domain (*.blob.core.windows.net,
// *.database.windows.net, *.vault.azure.net, ...) reaches ANY customer's account there: a data exfiltration path.
// Exact names under a shared domain are allowed only when the egress catalogue lists them (Databricks control-plane
// storage, metastore, event hubs: src/data/egress-catalogue.json) or they belong to a resource of this stack.

import aksRequired from "../data/aks-required-fqdns.json";
import catalogue from "../data/egress-catalogue.json";
import { peek } from "./values";

/**
 * Multi-tenant domains where the left-most label(s) are a customer's resource name. Azure's list follows the
 * private DNS zone names of each service (learn.microsoft.com/azure/private-link/private-endpoint-dns) plus the
 * public web-hosting suffixes; the other clouds' object stores are there because data leaves through them as well.
 */
export const SHARED_DOMAINS: readonly string[] = [
    "core.windows.net", "blob.core.windows.net", "dfs.core.windows.net", "file.core.windows.net",
    "queue.core.windows.net", "table.core.windows.net", "web.core.windows.net", "blob.storage.azure.net",
    "database.windows.net", "database.azure.com", "mysql.database.azure.com", "postgres.database.azure.com",
    "mariadb.database.azure.com", "documents.azure.com", "cosmos.azure.com", "vault.azure.net", "vaultcore.azure.net",
    "managedhsm.azure.net", "servicebus.windows.net", "azurecr.io", "azurewebsites.net", "cloudapp.net",
    "cloudapp.azure.com", "azure-api.net", "azurefd.net", "azureedge.net", "trafficmanager.net", "search.windows.net",
    "cognitiveservices.azure.com", "openai.azure.com", "azure-devices.net", "azuresynapse.net", "sql.azuresynapse.net",
    "dev.azuresynapse.net", "azuredatabricks.net", "fabric.microsoft.com", "onelake.dfs.fabric.microsoft.com",
    "onelake.blob.fabric.microsoft.com", "pbidedicated.windows.net", "azurestaticapps.net", "azurecontainerapps.io",
    "windows.net", "azure.net", "azure.com", "amazonaws.com", "s3.amazonaws.com", "storage.googleapis.com",
    "googleapis.com", "appspot.com", "cloudfront.net", "herokuapp.com", "github.io", "githubusercontent.com",
    "blob.core.usgovcloudapi.net", "core.chinacloudapi.cn",
];

// The Databricks catalogue, and the hosts AKS documents as required (Microsoft's own: ARM, MCR, the AKS mirrors).
const CATALOGUE: ReadonlySet<string> = new Set([...(catalogue as { fqdns: string[] }).fqdns,
    ...aksRequired.fqdns.map(f => f.fqdn)].map(s => s.toLowerCase()));

function normal(name: string): string {
    return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The host of a targetUrl ("files.example.com/path" -> "files.example.com"); FQDNs come back unchanged. */
export function hostOf(target: string): string {
    const t = target.trim().replace(/^[a-z]+:\/\//i, "");
    return t.split(/[/?#:]/)[0];
}

/** The shared domain a name lies in (or is), if any. */
export function sharedDomainOf(name: string): string | undefined {
    const n = normal(name).replace(/^\*\.?/, "");
    let best: string | undefined;
    for (const d of SHARED_DOMAINS) {
        if ((n === d || n.endsWith(`.${d}`)) && (!best || d.length > best.length)) {
            best = d;
        }
    }
    return best;
}

export type NameVerdict =
    | { ok: true }
    | { ok: false; why: "wildcard-any" | "wildcard-shared" | "wildcard-tld" | "uncatalogued"; domain?: string };

/**
 * Judges one destination name taken from its own resource (no stack context): '*' alone, a wildcard over a shared
 * domain or over a bare top-level domain are refused. Exact names are judged by judgeExactName.
 */
export function judgeWildcard(name: string): NameVerdict {
    const n = normal(name);
    if (n === "*" || n === "*.*" || n === "") {
        return { ok: false, why: "wildcard-any" };
    }
    if (!n.includes("*")) {
        return { ok: true };
    }
    // Whatever follows the last '*' is the part the wildcard stays inside.
    const tail = n.substring(n.lastIndexOf("*") + 1).replace(/^\./, "");
    if (tail.split(".").filter(x => x.length > 0).length < 2) {
        return { ok: false, why: "wildcard-tld" };
    }
    const inside = sharedDomainOf(tail);
    if (inside) {
        return { ok: false, why: "wildcard-shared", domain: inside };
    }
    // A wildcard over a parent of shared domains (*.windows.net) covers them too.
    return SHARED_DOMAINS.some(d => d.endsWith(`.${tail}`)) ? { ok: false, why: "wildcard-shared", domain: tail } : { ok: true };
}

/**
 * Judges an exact name: fine unless it lies in a shared domain and is neither catalogued nor one of the names the
 * stack owns (ownedNames: lower-case FQDNs of the stack's storage accounts, vaults, ...).
 */
export function judgeExactName(name: string, ownedNames: ReadonlySet<string>): NameVerdict {
    const n = normal(name);
    if (n.includes("*")) {
        return judgeWildcard(n);
    }
    const domain = sharedDomainOf(n);
    if (!domain || CATALOGUE.has(n) || ownedNames.has(n)) {
        return { ok: true };
    }
    return { ok: false, why: "uncatalogued", domain };
}

export function explain(name: string, v: NameVerdict): string {
    if (v.ok) {
        return "";
    }
    switch (v.why) {
        case "wildcard-any":
            return `'${name}' allows any destination`;
        case "wildcard-tld":
            return `'${name}' is a wildcard over a whole top-level domain`;
        case "wildcard-shared":
            return `'${name}' is a wildcard over the shared domain '${v.domain}', which reaches every tenant's resources there `
                + "(a data exfiltration path)";
        case "uncatalogued":
            return `'${name}' lies in the shared domain '${v.domain}' but is neither in the egress catalogue nor a resource `
                + "of this stack (any tenant can own that name)";
    }
}

/** Storage endpoints Azure gives an account (learn.microsoft.com/azure/storage/common/storage-account-overview#standard-endpoints). */
const STORAGE_SERVICES = ["blob", "dfs", "file", "queue", "table", "web"];

/** The DNS names the stack's own resources answer on, from their Azure names. */
export function ownedNames(resources: readonly { type: string; props: Record<string, any> }[]): Set<string> {
    const out = new Set<string>();
    // peek: a name that is unknown during preview owns nothing yet
    const name = (r: { props: Record<string, any> }, key: string) => {
        const v = peek(r.props, key);
        return typeof v === "string" && v.length > 0 ? v.toLowerCase() : undefined;
    };
    for (const r of resources) {
        if (r.type === "azure-native:storage:StorageAccount") {
            const n = name(r, "accountName");
            if (n) {
                STORAGE_SERVICES.forEach(svc => out.add(`${n}.${svc}.core.windows.net`));
            }
        } else if (r.type === "azure-native:keyvault:Vault") {
            const n = name(r, "vaultName");
            if (n) {
                out.add(`${n}.vault.azure.net`);
            }
        } else if (r.type === "azure-native:containerregistry:Registry") {
            const n = name(r, "registryName");
            if (n) {
                out.add(`${n}.azurecr.io`);
            }
        }
    }
    return out;
}
