// The Delta Sharing account (issue 18): recipients, open and Databricks-to-Databricks alike, download shared files
// straight from the provider's storage through short-lived pre-signed URLs (github.com/delta-io/delta-sharing/blob/main/
// PROTOCOL.md, "File": url; learn.microsoft.com/azure/databricks/data-sharing/troubleshooting). The lake admits no
// network (data-lake-hardening), so shared tables live in a separate account (ztplatform:lake:SharingStorage) whose
// public endpoint admits exactly the recipients' networks. Azure Storage IP rules: public IPv4 only, no private
// (RFC 1918) range, no /31 or /32 prefix (single addresses instead), at most 400 rules
// (learn.microsoft.com/azure/storage/common/storage-network-security).

import { resourcePolicy, stackPolicy } from "../lib/policy";
import { StackIndex, T } from "../lib/stackindex";
import { Cidr, contains, parseCidr } from "../lib/cidr";
import { arr, eqi, get, isTrue, label, obj, peek, show, str } from "../lib/values";
import { ACCESS_CONNECTOR_ID, checkLakeEncryption } from "./lake";

/** The sharing account component's type token: its storage account is the sharing account. */
const SHARING_STORAGE = "ztplatform:lake:SharingStorage";
const RECIPIENT = "databricks:index/recipient:Recipient";
/** The recipient property listing the networks the sharing account admits for it (DeltaSharing). */
export const STORAGE_NETWORKS_PROPERTY = "storage_networks";
/** The most IP rules one storage account takes. */
export const MAX_STORAGE_IP_RULES = 400;
/** The most entries of an open recipient's IP access list. */
export const MAX_RECIPIENT_IP_ACCESS_LIST = 100;
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];
/** Special-purpose ranges (RFC 6890) that are never a partner's internet egress. */
const NOT_INTERNET = ["0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "192.0.0.0/24", "192.0.2.0/24",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"];

/** True for a resource inside the SharingStorage component. */
export function inSharingStorage(urn: string | undefined): boolean {
    return (urn ?? "").includes(`::${SHARING_STORAGE}$`);
}

function overlaps(a: Cidr, b: Cidr): boolean {
    return contains(a, b) || contains(b, a);
}

/** Why a value cannot be a storage IP rule (or a recipient network), or undefined when it can. */
export function storageIpRuleProblem(value: unknown): string | undefined {
    if (typeof value !== "string" || !/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(value.trim())) {
        return `${show(value)} is not a public IPv4 address or range, like 20.61.12.17 or 20.61.12.16/28`;
    }
    const block = parseCidr(value);
    if (!block) {
        return `${show(value)} is not a valid IPv4 address or range, like 20.61.12.16/28`;
    }
    if (value.includes("/") && block.length > 30) {
        return `${show(value)}: Azure Storage takes no /31 or /32 range; give each address alone, without a prefix`;
    }
    const hit = PRIVATE.find(r => overlaps(parseCidr(r)!, block));
    if (hit) {
        return `${show(value)} overlaps the private range ${hit}: the storage firewall admits public addresses only`;
    }
    const special = NOT_INTERNET.find(r => overlaps(parseCidr(r)!, block));
    if (special) {
        return `${show(value)} overlaps the special-purpose range ${special}, which is never a partner's egress`;
    }
    return undefined;
}

/** A rule value as the sharing account writes it: a /32 is the address alone. */
function normalize(value: string): string {
    return value.trim().replace(/\/32$/, "");
}

/** The networks a recipient declares: its storage_networks property (and, for TOKEN, its IP access list). */
export function recipientNetworks(props: Record<string, any>): string[] | undefined {
    const declared = get(props, `propertiesKvpairs.properties.${STORAGE_NETWORKS_PROPERTY}`);
    const token = eqi(props.authenticationType, "TOKEN")
        ? arr<string>(get(props.ipAccessList, "allowedIpAddresses")) : [];
    if (declared !== undefined && typeof declared !== "string") {
        return undefined;
    }
    const fromProperty = typeof declared === "string" ? declared.split(",").map(v => v.trim()).filter(v => v) : [];
    return [...fromProperty, ...token.filter(v => typeof v === "string")];
}

/**
 * Why a sharing account's public endpoint is not in the one accepted shape (default Deny, bypass None, no virtual
 * network rule, IP rules that are all valid public networks, resource instance rules for access connectors only), or
 * undefined when it is.
 */
export function sharingNetworkProblem(p: Record<string, any>): string | undefined {
    const rules = obj(p.networkRuleSet);
    if (!eqi(rules.defaultAction, "Deny")) {
        return `networkRuleSet.defaultAction is ${show(rules.defaultAction)}, not 'Deny'`;
    }
    if (!eqi(rules.bypass, "None")) {
        return `networkRuleSet.bypass is ${show(rules.bypass)}, not 'None'`;
    }
    if (arr(peek(rules, "virtualNetworkRules")).length > 0) {
        return "networkRuleSet.virtualNetworkRules is not empty";
    }
    const ips = arr(peek(rules, "ipRules"));
    if (ips.length === 0 || ips.length > MAX_STORAGE_IP_RULES) {
        return `networkRuleSet.ipRules has ${ips.length} rules, not 1-${MAX_STORAGE_IP_RULES}`;
    }
    for (const rule of ips) {
        const value = peek(rule, "iPAddressOrRange") ?? peek(rule, "value");
        const problem = value === undefined ? undefined : storageIpRuleProblem(value);
        if (problem) {
            return `networkRuleSet.ipRules: ${problem}`;
        }
    }
    for (const rule of arr(peek(rules, "resourceAccessRules"))) {
        const id = peek(rule, "resourceId");
        if (id !== undefined && !(typeof id === "string" && ACCESS_CONNECTOR_ID.test(id))) {
            return `networkRuleSet.resourceAccessRules admits ${show(id)}, which is not an Azure Databricks access connector`;
        }
    }
    return undefined;
}

export const sharingStorageHardening = resourcePolicy({
    name: "sharing-storage-hardening",
    description: "The Delta Sharing account is hardened like the lake (ADLS Gen2, Entra only, TLS 1.2, double "
        + "encryption, customer-managed key through a user-assigned identity) and its public endpoint admits nothing "
        + "but IP rules for public IPv4 networks (no /31 or /32, no private or special-purpose range, at most 400) and "
        + "access connectors: default Deny, bypass None, no virtual network rule.",
    types: [T.storageAccount],
    validate: (args, report, guard) => {
        if (!inSharingStorage(args.urn)) {
            return;
        }
        const p = args.props;
        const who = label(args.type, args.name, str(p.accountName));
        if (!isTrue(p.isHnsEnabled)) {
            report(`${who} has isHnsEnabled ${show(p.isHnsEnabled)}: the sharing catalog's external location needs ADLS `
                + "Gen2. Set isHnsEnabled to true (only possible at creation).");
        }
        // The key's vault URI is unknown in a first preview; only this check waits for it, the network checks run.
        guard("encryption", () => checkLakeEncryption(who, p, report));
        if (eqi(p.publicNetworkAccess, "Disabled")) {
            return;
        }
        const rules = obj(p.networkRuleSet);
        if (!eqi(rules.defaultAction, "Deny")) {
            report(`${who} has networkRuleSet.defaultAction ${show(rules.defaultAction)}: every network reaches the `
                + "shared files' public endpoint. Set defaultAction to 'Deny' and list the recipients' networks as ipRules.");
        }
        if (!eqi(rules.bypass, "None")) {
            report(`${who} has networkRuleSet.bypass ${show(rules.bypass)}: every instance of the bypassed services `
                + "passes the firewall. Set bypass to 'None'.");
        }
        guard("networkRuleSet.virtualNetworkRules", () => {
            if (arr(rules.virtualNetworkRules).length > 0) {
                report(`${who} admits virtual network rule(s): the platform's own writers use the private endpoints and `
                    + "recipients are admitted by IP rule. Remove virtualNetworkRules.");
            }
        });
        guard("networkRuleSet.ipRules", () => {
            const ips = arr(rules.ipRules);
            if (ips.length > MAX_STORAGE_IP_RULES) {
                report(`${who} has ${ips.length} IP rules; a storage account takes at most ${MAX_STORAGE_IP_RULES}.`);
            }
            ips.forEach((rule, i) => guard(`networkRuleSet.ipRules[${i}]`, () => {
                const value = peek(rule, "iPAddressOrRange") ?? peek(rule, "value");
                const problem = storageIpRuleProblem(value);
                if (problem) {
                    report(`${who} networkRuleSet.ipRules[${i}]: ${problem}.`);
                }
            }));
        });
        guard("networkRuleSet.resourceAccessRules", () => {
            arr(rules.resourceAccessRules).forEach((rule, i) => guard(`networkRuleSet.resourceAccessRules[${i}]`, () => {
                const id = str(obj(rule).resourceId);
                if (!id || !ACCESS_CONNECTOR_ID.test(id)) {
                    report(`${who} admits the resource instance ${show(obj(rule).resourceId)}, which is not an Azure `
                        + "Databricks access connector. Only Unity Catalog's connector may pass by resource instance rule.");
                }
            }));
        });
    },
});

export const sharingStorageIpRulesFromRecipients = stackPolicy({
    name: "sharing-storage-ip-rules-from-recipients",
    description: "Every IP rule of the Delta Sharing account is a network a Delta Sharing recipient of this stack "
        + "declares (its storage_networks property, or an open recipient's IP access list): no address is admitted "
        + "that no recipient needs, and the account does not exist without a recipient.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const accounts = idx.ofType(T.storageAccount).filter(a => inSharingStorage(a.urn));
        if (accounts.length === 0) {
            return;
        }
        const declared = new Set<string>();
        let unknown = false;
        const recipients = idx.ofType(RECIPIENT);
        for (const r of recipients) {
            const networks = recipientNetworks(r.props);
            if (networks === undefined) {
                unknown = true;
                continue;
            }
            networks.forEach(n => declared.add(normalize(n)));
        }
        for (const account of accounts) {
            const who = label(account.type, account.name, str(account.props.accountName));
            if (recipients.length === 0) {
                report(`${who} is a Delta Sharing account, but the stack has no recipient: its public endpoint admits `
                    + "networks nobody needs. Remove the account or add the recipient it serves.", account.urn);
                continue;
            }
            if (unknown) {
                continue;
            }
            arr(peek(peek(account.props, "networkRuleSet"), "ipRules")).forEach((rule, i) => guard(
                `${account.name} ipRules[${i}]`, () => {
                    const value = peek(rule, "iPAddressOrRange") ?? peek(rule, "value");
                    if (typeof value === "string" && !declared.has(normalize(value))) {
                        report(`${who} admits ${show(value)}, which no Delta Sharing recipient of this stack declares `
                            + `(recipients' ${STORAGE_NETWORKS_PROPERTY} property or open recipients' ipAccessList). `
                            + "Admit only the recipients' networks.", account.urn);
                    }
                }));
        }
    },
});

export const sharingPolicies = [sharingStorageHardening, sharingStorageIpRulesFromRecipients];
