// Azure Firewall: threat intelligence in Deny mode, DNS proxy for FQDN network rules, no "allow anything" rules,
// and rule sources that are only IP groups holding Databricks subnets.

import { addressKind, contains, coversInternet, formatAddress, isAnyAddress, parseCidr, parseRange, publicShare } from "../lib/cidr";
import { explain, hostOf, judgeExactName, judgeWildcard, ownedNames } from "../lib/egress";
import { parentKey } from "../lib/armid";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { mayBeExcepted, tagException } from "../lib/tagexceptions";
import { DATABRICKS_DELEGATION, Res, StackIndex, T } from "../lib/stackindex";
import { arr, eqi, get, isTrue, label, obj, Props, show, str } from "../lib/values";

export type RuleKind = "application" | "network" | "nat";

export interface FirewallRule {
    kind: RuleKind;
    /** "allow" for Allow filter collections and DNAT collections, "deny" for Deny filter collections. */
    action: "allow" | "deny";
    collection: string;
    name: string;
    /** Property path of the rule inside the resource, for messages. */
    path: string;
    rule: Props;
}

function kindOf(ruleType: unknown, fallback: RuleKind): RuleKind {
    if (eqi(ruleType, "ApplicationRule")) {
        return "application";
    }
    if (eqi(ruleType, "NetworkRule")) {
        return "network";
    }
    if (eqi(ruleType, "NatRule")) {
        return "nat";
    }
    return fallback;
}

/** Every rule of a FirewallPolicyRuleCollectionGroup, or of an AzureFirewall's classic rule collections. */
export function firewallRules(type: string, props: Props): FirewallRule[] {
    const out: FirewallRule[] = [];
    if (type === T.ruleCollectionGroup) {
        arr(props.ruleCollections).forEach((c, i) => {
            const coll = obj(c);
            const nat = eqi(coll.ruleCollectionType, "FirewallPolicyNatRuleCollection");
            const action = nat || !eqi(get(coll, "action.type"), "Deny") ? "allow" : "deny";
            arr(coll.rules).forEach((r, j) => out.push({
                kind: kindOf(obj(r).ruleType, nat ? "nat" : "network"), action,
                collection: str(coll.name) ?? `#${i}`, name: str(obj(r).name) ?? `#${j}`,
                path: `ruleCollections[${i}].rules[${j}]`, rule: obj(r),
            }));
        });
    } else if (type === T.azureFirewall) {
        const classic: [string, RuleKind][] = [
            ["applicationRuleCollections", "application"], ["networkRuleCollections", "network"], ["natRuleCollections", "nat"],
        ];
        for (const [prop, kind] of classic) {
            arr(props[prop]).forEach((c, i) => {
                const coll = obj(c);
                const action = kind === "nat" || !eqi(get(coll, "action.type"), "Deny") ? "allow" : "deny";
                arr(coll.rules).forEach((r, j) => out.push({
                    kind, action, collection: str(coll.name) ?? `#${i}`, name: str(obj(r).name) ?? `#${j}`,
                    path: `${prop}[${i}].rules[${j}]`, rule: obj(r),
                }));
            });
        }
    }
    return out;
}

export function ruleLabel(r: FirewallRule): string {
    return `${r.kind} rule '${r.name}' in collection '${r.collection}' (${r.path})`;
}

function azureName(type: string, props: Props): string | undefined {
    return str(type === T.azureFirewall ? props.azureFirewallName
        : type === T.firewallPolicy ? props.firewallPolicyName : props.ruleCollectionGroupName);
}

export const firewallThreatIntelDeny = resourcePolicy({
    name: "firewall-threat-intel-deny",
    description: "Firewall policies (and classic firewalls) whose SKU supports it must run threat intelligence in Deny mode, "
        + "without an allowlist (or IDPS bypass) that covers everything.",
    types: [T.firewallPolicy, T.azureFirewall],
    validate: (args, report) => {
        const p = args.props;
        const who = label(args.type, args.name, azureName(args.type, p));
        if (args.type === T.azureFirewall && get(p, "firewallPolicy.id")) {
            return; // threat intel comes from the attached FirewallPolicy
        }
        const tier = str(get(p, "sku.tier")) ?? "Standard";
        if (eqi(tier, "Basic")) {
            return; // Basic supports Alert only
        }
        if (!eqi(p.threatIntelMode, "Deny")) {
            report(`${who} (tier ${tier}) has threatIntelMode ${show(p.threatIntelMode)}: traffic to known-malicious `
                + "addresses and domains would only be logged. Set threatIntelMode to 'Deny'.");
        }
        // An allowlist that covers everything switches threat intelligence off however the mode reads.
        const allowIps = arr<string>(get(p, "threatIntelWhitelist.ipAddresses")).filter(x => typeof x === "string");
        if (allowIps.length > 0 && coversInternet(allowIps)) {
            report(`${who} exempts ${show(allowIps)} from threat intelligence, i.e. every address. Remove the entries from `
                + "threatIntelWhitelist.ipAddresses (list single, reviewed addresses only).");
        }
        for (const fqdn of arr<string>(get(p, "threatIntelWhitelist.fqdns")).filter(x => typeof x === "string")) {
            const v = judgeWildcard(fqdn);
            if (!v.ok) {
                report(`${who} exempts ${explain(fqdn, v)} from threat intelligence. List exact, reviewed FQDNs only.`);
            }
        }
        arr(get(p, "intrusionDetection.configuration.bypassTrafficSettings")).forEach((b, i) => {
            const sources = [...arr<string>(obj(b).sourceAddresses)];
            const dests = [...arr<string>(obj(b).destinationAddresses)];
            if ((sources.length === 0 || coversInternet(sources)) && (dests.length === 0 || coversInternet(dests))) {
                report(`${who} has intrusionDetection.configuration.bypassTrafficSettings[${i}] ('${str(obj(b).name) ?? "?"}') `
                    + "from any source to any destination: IDPS would inspect nothing. Narrow it to the exact addresses.");
            }
        });
    },
});

export const firewallPremiumIdpsDeny = resourcePolicy({
    name: "firewall-premium-idps-deny",
    description: "Premium firewall policies should run IDPS in Deny mode.",
    enforcementLevel: "advisory",
    types: [T.firewallPolicy],
    validate: (args, report) => {
        if (!eqi(get(args.props, "sku.tier"), "Premium")) {
            return;
        }
        const mode = get(args.props, "intrusionDetection.mode");
        if (!eqi(mode, "Deny")) {
            report(`${label(args.type, args.name, azureName(args.type, args.props))} is Premium with `
                + `intrusionDetection.mode ${show(mode)}. Set intrusionDetection.mode to 'Deny'.`);
        }
    },
});

/** Public destination prefixes broader than this are "wide": they span many tenants' addresses. */
export const WIDEST_PUBLIC_DESTINATION = 16;

/**
 * What is wrong with a rule's destination addresses, taken together: the internet however it is spelled (any
 * spelling of "any", or prefixes whose union covers most of the public space), tenant-shared service tags, and
 * public prefixes wider than /16.
 */
export function addressProblems(entries: readonly string[]): string[] {
    const problems: string[] = [];
    if (coversInternet(entries)) {
        const any = entries.filter(isAnyAddress);
        problems.push(any.length > 0
            ? `${show(any)}, i.e. the whole internet`
            : `${show(entries)}, whose union covers ${Math.round(100 * publicShare(entries.map(parseRange)
                .filter((r): r is NonNullable<typeof r> => r !== undefined)))}% of the public IPv4 space, i.e. the internet`);
        return problems;
    }
    for (const e of entries) {
        const kind = addressKind(e);
        if (kind === "shared-tag") {
            problems.push(`the service tag '${e}', the address space every Azure tenant shares for that service (any `
                + "customer's resources there are reachable)");
        } else if (kind === "public") {
            const r = parseRange(e)!;
            if (r.end - r.start + 1 > 2 ** (32 - WIDEST_PUBLIC_DESTINATION)) {
                problems.push(`the public range '${e}' (wider than /${WIDEST_PUBLIC_DESTINATION})`);
            }
        }
    }
    return problems;
}

const ADDRESS_FIX = "Use the exact CIDRs of the service (e.g. the catalogue's '20.73.215.48/28'), an IP group of such "
    + "prefixes, or (with DNS proxy) destinationFqdns.";

export const firewallNoWildcardRules = resourcePolicy({
    name: "firewall-no-wildcard-rules",
    description: "Firewall allow rules must name their destinations: no '*', no prefix set that adds up to the internet, "
        + "no tenant-shared service tag, no wide public prefix, and no wildcard over a shared PaaS domain "
        + "(*.blob.core.windows.net, *.database.windows.net, *.vault.azure.net, ...).",
    types: [T.ruleCollectionGroup, T.azureFirewall],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, azureName(args.type, args.props));
        for (const r of firewallRules(args.type, args.props)) {
            guard(ruleLabel(r), () => {
                if (r.action !== "allow" || r.kind === "nat") {
                    return;
                }
                const names: [string, string[]][] = r.kind === "application"
                    ? [["targetFqdns", arr<string>(r.rule.targetFqdns)], ["targetUrls", arr<string>(r.rule.targetUrls).map(hostOf)]]
                    : [["destinationFqdns", arr<string>(r.rule.destinationFqdns)]];
                for (const [prop, list] of names) {
                    for (const n of list.filter(x => typeof x === "string")) {
                        const v = judgeWildcard(n);
                        if (!v.ok) {
                            report(`${who}: ${ruleLabel(r)} allows ${prop} ${explain(n, v)}. List the exact FQDNs the platform `
                                + `owns or the egress catalogue names in ${prop} (e.g. 'ztpprodlandingym4ky.dfs.core.windows.net').`);
                        }
                    }
                }
                const addresses = arr<string>(r.rule.destinationAddresses).filter(x => typeof x === "string");
                // Tags some source may name wait for the sources; every other tag is judged with the addresses.
                const tags = addresses.filter(a => addressKind(a) === "shared-tag" && mayBeExcepted(a));
                for (const problem of addressProblems(addresses.filter(a => !tags.includes(a)))) {
                    report(`${who}: ${ruleLabel(r)} allows destinationAddresses ${problem}. ${ADDRESS_FIX}`);
                }
                if (tags.length === 0) {
                    return;
                }
                // A tenant-shared tag is accepted only where TAG_EXCEPTIONS names it for all of the rule's sources.
                // The sources are IP group ids, unknown in a first preview: only this check waits for them, so every
                // other destination is still judged before anything is deployed.
                guard(`${ruleLabel(r)} service tags`, () => {
                    const sources = arr<string>(r.rule.sourceIpGroups).filter(x => typeof x === "string");
                    for (const problem of addressProblems(tags.filter(a => tagException(a, sources) === undefined))) {
                        report(`${who}: ${ruleLabel(r)} allows destinationAddresses ${problem}. ${ADDRESS_FIX}`);
                    }
                });
            });
        }
    },
});

export const firewallDestinationsKnown = stackPolicy({
    name: "firewall-destinations-known",
    description: "Firewall allow rules' destination IP groups are resolved to their members and judged like literal "
        + "addresses; a destination IP group must be managed in this stack; and exact names under a shared PaaS domain "
        + "must be in the egress catalogue or belong to a resource of this stack.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const owned = ownedNames(idx.all);
        for (const owner of idx.ofType(T.ruleCollectionGroup, T.azureFirewall)) {
            const who = label(owner.type, owner.name, azureName(owner.type, owner.props));
            for (const r of firewallRules(owner.type, owner.props)) {
                guard(`${who} ${ruleLabel(r)}`, () => {
                    if (r.action !== "allow" || r.kind === "nat") {
                        return;
                    }
                    for (const ref of arr<string>(r.rule.destinationIpGroups)) {
                        const group = idx.find(ref);
                        if (!group || group.type !== T.ipGroup) {
                            report(`${who}: ${ruleLabel(r)} sends traffic to destination IP group '${ref}', which is not an `
                                + "azure-native:network:IpGroup of this stack, so what it allows cannot be verified. Manage the "
                                + "IP group here (exact service prefixes only).", owner.urn);
                            continue;
                        }
                        const members = arr<string>(group.props.ipAddresses).filter(x => typeof x === "string");
                        for (const problem of addressProblems(members)) {
                            report(`${who}: ${ruleLabel(r)} allows destination IP group ${label(group.type, group.name, `${str(group.props.ipGroupsName) ?? "?"}`)} `
                                + `holding ${problem}. ${ADDRESS_FIX}`, owner.urn);
                        }
                    }
                    const names = r.kind === "application"
                        ? [...arr<string>(r.rule.targetFqdns), ...arr<string>(r.rule.targetUrls).map(hostOf)]
                        : arr<string>(r.rule.destinationFqdns);
                    for (const n of names.filter(x => typeof x === "string" && !x.includes("*"))) {
                        const v = judgeExactName(n, owned);
                        if (!v.ok) {
                            report(`${who}: ${ruleLabel(r)} allows ${explain(n, v)}. Allow only the catalogued service names or `
                                + "this stack's own accounts (e.g. 'ztpprodlandingym4ky.dfs.core.windows.net').", owner.urn);
                        }
                    }
                });
            }
        }
    },
});

export const firewallDnsProxyForFqdnRules = stackPolicy({
    name: "firewall-dns-proxy-for-fqdn-network-rules",
    description: "A firewall policy whose rule collection groups have network rules with destinationFqdns must "
        + "enable DNS proxy (dnsSettings.enableProxy), or FQDN filtering silently fails.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const policies = idx.ofType(T.firewallPolicy);
        const needing = new Map<string, Res[]>(); // policy key -> RCGs with FQDN network rules
        for (const rcg of idx.ofType(T.ruleCollectionGroup)) {
            guard(rcg.name, () => {
                const fqdnRules = firewallRules(rcg.type, rcg.props)
                    .filter(r => r.kind === "network" && arr(r.rule.destinationFqdns).length > 0);
                if (fqdnRules.length === 0) {
                    return;
                }
                const policyKey = rcg.keys.map(parentKey)[0];
                const policy = policies.find(p => policyKey !== undefined && p.keys.includes(policyKey));
                if (!policy) {
                    report(`${label(rcg.type, rcg.name)} has network rules with destinationFqdns but its firewall policy `
                        + `'${str(rcg.props.firewallPolicyName) ?? "?"}' is not in this stack, so DNS proxy cannot be verified. `
                        + "Manage the FirewallPolicy in this stack with dnsSettings.enableProxy true.", rcg.urn);
                    return;
                }
                needing.set(policy.urn, [...(needing.get(policy.urn) ?? []), rcg]);
            });
        }
        for (const policy of policies) {
            guard(policy.name, () => {
                const rcgs = needing.get(policy.urn);
                if (rcgs && !isTrue(get(policy.props, "dnsSettings.enableProxy"))) {
                    report(`${label(policy.type, policy.name, str(policy.props.firewallPolicyName))} has dnsSettings.enableProxy `
                        + `${show(get(policy.props, "dnsSettings.enableProxy"))} but ${rcgs.map(r => `'${r.name}'`).join(", ")} `
                        + "use network rules with destinationFqdns. Set dnsSettings.enableProxy to true (Standard or Premium tier) "
                        + "and point the spokes' DNS at the firewall, or use application rules instead.", policy.urn);
                }
            });
        }
        for (const fw of idx.ofType(T.azureFirewall)) {
            guard(fw.name, () => {
                const fqdn = firewallRules(fw.type, fw.props)
                    .some(r => r.kind === "network" && arr(r.rule.destinationFqdns).length > 0);
                if (fqdn && !isTrue(get(fw.props, "additionalProperties")?.["Network.DNS.EnableProxy"])) {
                    report(`${label(fw.type, fw.name, str(fw.props.azureFirewallName))} has classic network rules with `
                        + "destinationFqdns but DNS proxy is off. Set additionalProperties['Network.DNS.EnableProxy'] to "
                        + "'true', or better move the rules to a FirewallPolicy with dnsSettings.enableProxy true.", fw.urn);
                }
            });
        }
    },
});

export const firewallRuleSourcesIpGroupsOnly = resourcePolicy({
    name: "firewall-rule-sources-ip-groups-only",
    description: "Firewall allow and DNAT rules take their sources only from IP groups (sourceIpGroups): never "
        + "sourceAddresses (and so never '*' or 0.0.0.0/0), never no source at all.",
    types: [T.ruleCollectionGroup, T.azureFirewall],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, azureName(args.type, args.props));
        for (const r of firewallRules(args.type, args.props)) {
            guard(ruleLabel(r), () => {
                if (r.action !== "allow") {
                    return;
                }
                const addresses = arr<string>(r.rule.sourceAddresses);
                const groups = arr<string>(r.rule.sourceIpGroups);
                if (addresses.length > 0) {
                    const any = addresses.filter(isAnyAddress);
                    report(`${who}: ${ruleLabel(r)} uses sourceAddresses ${show(addresses)}`
                        + (any.length > 0 || coversInternet(addresses) ? " (any source)" : "")
                        + ". Remove sourceAddresses and set sourceIpGroups to the IP group that holds the Databricks "
                        + "host/container subnets.");
                }
                if (addresses.length === 0 && groups.length === 0) {
                    report(`${who}: ${ruleLabel(r)} has no source. Set sourceIpGroups to the Databricks subnets' IP group.`);
                }
            });
        }
    },
});

export const firewallRuleSourcesIpGroups = stackPolicy({
    name: "firewall-rule-sources-ip-groups",
    description: "Firewall allow rules may only take sources from IP groups (sourceIpGroups) that hold Databricks "
        + "subnets (or the subnet of a serverless router: a Private Link Service a Databricks NCC rule connects to; "
        + "the compute subnet of the platform's machine learning workspace; or the node subnet of an AKS cluster of "
        + "this stack); "
        + "each group is one of this stack. (While the stack has no Databricks subnet yet, "
        + "the groups may only hold private RFC 1918 prefixes.)",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const dbxPrefixes = [...idx.databricksSubnets(), ...idx.serverlessRouterSubnets(), ...idx.mlComputeSubnets(),
            ...idx.aksNodeSubnets()]
            .flatMap(s => s.prefixes.map(p => ({ subnet: s.name, cidr: parseCidr(p) })))
            .filter((x): x is { subnet: string; cidr: NonNullable<ReturnType<typeof parseCidr>> } => x.cidr !== undefined);
        const checkedGroups = new Set<string>();
        for (const owner of idx.ofType(T.ruleCollectionGroup, T.azureFirewall)) {
            guard(label(owner.type, owner.name), () => {
                const who = label(owner.type, owner.name, azureName(owner.type, owner.props));
                for (const r of firewallRules(owner.type, owner.props)) {
                    if (r.action !== "allow") {
                        continue;
                    }
                    const groups = arr<string>(r.rule.sourceIpGroups);
                    for (const ref of groups) {
                        const group = idx.find(ref);
                        if (!group || group.type !== T.ipGroup) {
                            report(`${who}: ${ruleLabel(r)} uses source IP group '${ref}', which is not an `
                                + "azure-native:network:IpGroup in this stack, so its contents cannot be verified. Use an IP group "
                                + "managed here that lists the Databricks subnets.", owner.urn);
                            continue;
                        }
                        if (checkedGroups.has(group.urn)) {
                            continue;
                        }
                        checkedGroups.add(group.urn);
                        const entries = arr<string>(group.props.ipAddresses);
                        const who2 = label(group.type, group.name, str(group.props.ipGroupsName));
                        if (entries.length === 0) {
                            report(`${who2} is a firewall rule source but holds no addresses. Set ipAddresses to the `
                                + `address prefixes of the subnets delegated to ${DATABRICKS_DELEGATION}.`, group.urn);
                        }
                        for (const e of entries) {
                            const c = parseCidr(e);
                            if (dbxPrefixes.length === 0) {
                                // No Databricks subnet in the stack yet (the spokes land after the hub): the group can only
                                // be checked for private address space until there is something to compare it with.
                                if (c === undefined || !PRIVATE_RANGES.some(r => contains(r, c))) {
                                    report(`${who2} is a firewall rule source and holds ${show(e)}, which is not a private `
                                        + "(RFC 1918) prefix. Keep only the Databricks host/container subnet prefixes in ipAddresses.", group.urn);
                                }
                                continue;
                            }
                            const inside = c !== undefined && dbxPrefixes.some(d => contains(d.cidr, c));
                            if (!inside) {
                                const known = dbxPrefixes.map(d => `${d.subnet} ${formatPrefix(d.cidr)}`).join(", ");
                                report(`${who2} is a firewall rule source and holds ${show(e)}, which is not inside a Databricks `
                                    + `subnet (${known}). Keep only the Databricks host/container subnet prefixes in ipAddresses.`, group.urn);
                            }
                        }
                    }
                }
            });
        }
    },
});

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(r => parseCidr(r)!);

function formatPrefix(c: { base: number; length: number }): string {
    return `${formatAddress(c.base)}/${c.length}`;
}

export const firewallPolicies = [
    firewallThreatIntelDeny,
    firewallPremiumIdpsDeny,
    firewallNoWildcardRules,
    firewallDestinationsKnown,
    firewallDnsProxyForFqdnRules,
    firewallRuleSourcesIpGroupsOnly,
    firewallRuleSourcesIpGroups,
];
