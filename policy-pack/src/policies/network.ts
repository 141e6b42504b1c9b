// Network: NSGs without inbound internet (except what Azure Bastion requires), public IPs only on the edge
// services, Databricks subnets with NSG + route table, and forced tunnelling of Databricks subnets to the firewall.

import { normalizeId, parentKey, refersTo } from "../lib/armid";
import { addressKind, coversInternet, formatRange, parseCidr, PUBLIC_SPACE, Range, rangeOf, touchesPublic } from "../lib/cidr";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { isDatabricksSubnet, Res, RouteInfo, StackIndex, SubnetInfo, T } from "../lib/stackindex";
import { arr, eqi, findStrings, get, hasUnknown, isTrue, label, obj, peek, present, Props, show, str, unknownYet } from "../lib/values";

// ---------------------------------------------------------------------------------------------------------------
// NSGs

export interface NsgRule {
    name: string;
    rule: Props;
    /** The NSG (inline rules) or the SecurityRule resource. */
    owner: Res;
}

export const BASTION_SUBNET = "AzureBastionSubnet";

function ruleSources(rule: Props): string[] {
    return [str(rule.sourceAddressPrefix), ...arr<string>(rule.sourceAddressPrefixes)]
        .filter((s): s is string => typeof s === "string");
}

function rulePorts(rule: Props): string[] {
    return [str(rule.destinationPortRange), ...arr<string>(rule.destinationPortRanges)]
        .filter((s): s is string => typeof s === "string");
}

/**
 * The one internet-facing rule Azure Bastion requires (learn.microsoft.com/azure/bastion/bastion-nsg):
 * inbound TCP 443 from the Internet service tag. Its other required inbound rules (GatewayManager,
 * AzureLoadBalancer, VirtualNetwork on 8080/5701) have no internet source, so they pass anyway.
 */
export function isBastionHttpsInbound(rule: Props): boolean {
    const sources = ruleSources(rule);
    const ports = rulePorts(rule);
    return sources.length === 1 && eqi(sources[0], "Internet") && eqi(rule.protocol, "Tcp")
        && ports.length === 1 && ports[0] === "443";
}

/** Remote-management ports: SSH, RDP, WinRM (HTTP/HTTPS). */
export const MANAGEMENT_PORTS = [22, 3389, 5985, 5986];

/** True when a port spec ("*", "22", "20-25") includes the port. */
export function portIncludes(spec: string, port: number): boolean {
    const t = spec.trim();
    if (t === "*" || t.toLowerCase() === "any") {
        return true;
    }
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(t);
    if (m) {
        return Number(m[1]) <= port && port <= Number(m[2]);
    }
    return /^\d+$/.test(t) && Number(t) === port;
}

/** Why an inbound rule's sources are public: the internet in any spelling, a tenant-shared tag, or public prefixes. */
function publicSources(rule: Props): { internet: boolean; publicOnes: string[] } {
    const sources = ruleSources(rule);
    const internet = coversInternet(sources) || sources.some(x => addressKind(x) === "any");
    const publicOnes = sources.filter(x => ["any", "shared-tag", "public"].includes(addressKind(x)));
    return { internet, publicOnes };
}

/** Findings on one NSG rule that its own properties decide (no Bastion context needed). */
export function nsgRuleProblems(name: string, rule: Props): string[] {
    if (!eqi(rule.direction, "Inbound") || !eqi(rule.access, "Allow")) {
        return [];
    }
    const { internet, publicOnes } = publicSources(rule);
    if (publicOnes.length === 0) {
        return [];
    }
    const ports = rulePorts(rule);
    const mgmt = MANAGEMENT_PORTS.filter(p => ports.some(spec => portIncludes(spec, p)));
    const head = `inbound Allow rule '${name}' (priority ${show(rule.priority)}) admits ${internet ? "the internet" : "public sources"} `
        + `${show(publicOnes)}`;
    if (mgmt.length > 0) {
        return [`${head} to management port(s) ${mgmt.join(", ")} (destination ${show(ports)}). Remote management goes through `
            + "Azure Bastion only: set sourceAddressPrefix to 'VirtualNetwork' (or the Bastion subnet), or remove the rule."];
    }
    if (isBastionHttpsInbound(rule)) {
        return []; // judged by nsg-bastion-rule-only-on-bastion-subnet, which knows where the NSG is attached
    }
    return [`${head} on ports ${show(ports)}. Nothing is published to the internet from this platform (Azure Bastion's `
        + "'Internet' to TCP 443 on AzureBastionSubnet is the one exception). Set sourceAddressPrefix to a private "
        + "source (e.g. 'VirtualNetwork'), set access to 'Deny', or remove the rule."];
}

export const nsgNoInboundFromInternet = resourcePolicy({
    name: "nsg-no-inbound-from-internet",
    description: "NSGs must not allow inbound traffic from public sources: not from Internet/Any/*/0.0.0.0/0, prefix sets "
        + "that add up to the internet, tenant-shared service tags or any public range; never to management ports "
        + "(22, 3389, 5985, 5986). Bastion's inbound TCP 443 from Internet is left to nsg-bastion-rule-only-on-bastion-subnet.",
    types: [T.nsg, T.securityRule],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.networkSecurityGroupName ?? args.props.securityRuleName));
        const rules: [string, Props][] = args.type === T.nsg
            ? arr(args.props.securityRules).map((r, i) => [str(obj(r).name) ?? `#${i}`, obj(r)])
            : [[str(args.props.securityRuleName) ?? args.name, args.props]];
        for (const [name, rule] of rules) {
            guard(`rule '${name}'`, () => nsgRuleProblems(name, rule).forEach(p => report(`${who}: ${p}`)));
        }
    },
});

export const nsgBastionRuleOnlyOnBastionSubnet = stackPolicy({
    name: "nsg-bastion-rule-only-on-bastion-subnet",
    description: "The one internet-facing NSG rule allowed (inbound TCP 443 from Internet, Azure Bastion's front door) "
        + "may only be on the NSG attached to AzureBastionSubnet.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const nsgs = idx.ofType(T.nsg);
        const bastionNsgKeys = new Set<string>();
        let bastionNsgUnknown = false;
        for (const s of idx.subnets().filter(x => x.name.toLowerCase() === BASTION_SUBNET.toLowerCase())) {
            if (hasUnknown(s.props)) {
                bastionNsgUnknown = true; // which NSG sits on AzureBastionSubnet is not known before it exists
            }
            guard(`subnet '${s.name}'`, () => {
                const k = normalizeId(get(s.props, "networkSecurityGroup.id"));
                if (k) {
                    bastionNsgKeys.add(k);
                }
            });
        }
        const check = (nsgKeys: string[], nsgLabel: string, rules: NsgRule[]) => {
            if (nsgKeys.some(k => bastionNsgKeys.has(k))) {
                return;
            }
            for (const r of rules) {
                guard(`${nsgLabel} rule '${r.name}'`, () => {
                    if (eqi(r.rule.direction, "Inbound") && eqi(r.rule.access, "Allow") && isBastionHttpsInbound(r.rule)) {
                        if (bastionNsgUnknown) {
                            unknownYet(`whether ${nsgLabel} is the NSG on AzureBastionSubnet`);
                        }
                        report(`${nsgLabel}: inbound Allow rule '${r.name}' admits 'Internet' on TCP 443, but this NSG is not `
                            + "attached to AzureBastionSubnet, so nothing here may be reached from the internet. Set "
                            + "sourceAddressPrefix to 'VirtualNetwork' or remove the rule.", r.owner.urn);
                    }
                });
            }
        };
        for (const nsg of nsgs) {
            const inline = arr(nsg.props.securityRules).map((r, i) => ({
                name: str(obj(r).name) ?? `#${i}`, rule: obj(r), owner: nsg,
            }));
            const separate = idx.childrenOf(nsg, T.securityRule)
                .map(sr => ({ name: str(sr.props.securityRuleName) ?? sr.name, rule: sr.props, owner: sr }));
            check(nsg.keys, label(nsg.type, nsg.name, str(nsg.props.networkSecurityGroupName)), [...inline, ...separate]);
        }
        for (const sr of idx.ofType(T.securityRule)) {
            const parent = sr.keys.map(parentKey);
            if (!nsgs.some(n => n.keys.some(k => parent.includes(k)))) {
                check(parent, label(sr.type, sr.name), [{ name: str(sr.props.securityRuleName) ?? sr.name, rule: sr.props, owner: sr }]);
            }
        }
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Public IPs

const PUBLIC_IP_OWNERS = [T.azureFirewall, T.natGateway, T.bastionHost, T.vnetGateway];

export const publicIpOnlyOnEdgeServices = stackPolicy({
    name: "public-ip-only-on-edge-services",
    description: "Public IPs and prefixes may only be used by Azure Firewall, NAT gateway, Bastion and the VPN gateway "
        + "(a public IP nothing of those uses is a leftover or attached to a workload).",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const pips = idx.ofType(T.publicIp, T.publicIpPrefix);
        const owners = idx.ofType(...PUBLIC_IP_OWNERS);
        const referencedBy = (target: Res, among: Res[]) => among.filter(o => o !== target
            && findStrings(o.props, s => refersTo(s, target.keys)).length > 0);
        for (const pip of pips) {
            guard(pip.name, () => {
                let users = referencedBy(pip, owners);
                if (users.length === 0 && pip.type === T.publicIpPrefix) {
                    // A prefix is fine when the addresses allocated from it belong to edge services.
                    const children = pips.filter(p => p.type === T.publicIp && refersTo(get(p.props, "publicIPPrefix.id"), pip.keys));
                    users = children.flatMap(c => referencedBy(c, owners));
                }
                if (users.length === 0 && [...owners, ...pips].some(o => hasUnknown(o.props))) {
                    unknownYet(`which edge service uses ${label(pip.type, pip.name)}`);
                }
                if (users.length === 0) {
                    report(`${label(pip.type, pip.name, str(pip.props.publicIpAddressName ?? pip.props.publicIpPrefixName))} `
                        + "is not used by an Azure Firewall, NAT gateway, Bastion host or virtual network gateway. Delete it, or "
                        + "attach it to one of those (e.g. AzureFirewall ipConfigurations[].publicIPAddress.id).", pip.urn);
                }
            });
        }
    },
});

export const noPublicIpOnWorkloads = resourcePolicy({
    name: "no-public-ip-on-workloads",
    description: "No network interface or load balancer frontend carries a public IP or prefix.",
    types: [T.networkInterface, T.loadBalancer],
    validate: (args, report, guard) => {
        const configs = args.type === T.networkInterface ? "ipConfigurations" : "frontendIPConfigurations";
        arr(args.props[configs]).forEach((c, i) => guard(`${configs}[${i}]`, () => {
            for (const prop of ["publicIPAddress", "publicIPPrefix"]) {
                const ref = obj(c)[prop];
                if (ref !== undefined && ref !== null) {
                    report(`${label(args.type, args.name)} has ${configs}[${i}].${prop} ${show(peek(ref, "id") ?? "(unknown until created)")}: `
                        + "workloads must not be reachable from the internet. Remove the public IP and reach it through "
                        + "Bastion or a private endpoint; egress goes through the firewall.");
                }
            }
        }));
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Databricks subnets

function subnetProblems(name: string, props: Props): string[] {
    const problems: string[] = [];
    if (!present(props, "networkSecurityGroup.id")) {
        problems.push(`subnet '${name}' is delegated to Databricks but has no networkSecurityGroup. Set `
            + "networkSecurityGroup.id to the spoke's Databricks NSG.");
    }
    if (!present(props, "routeTable.id")) {
        problems.push(`subnet '${name}' is delegated to Databricks but has no routeTable, so egress bypasses the `
            + "firewall. Set routeTable.id to the forced-tunnel route table (0.0.0.0/0 to the firewall).");
    }
    return problems;
}

export const databricksSubnetNsgAndRouteTable = resourcePolicy({
    name: "databricks-subnet-nsg-and-route-table",
    description: "Subnets delegated to Microsoft.Databricks/workspaces must have an NSG and a route table.",
    types: [T.subnet, T.virtualNetwork],
    validate: (args, report) => {
        const subnets: [string, Props][] = args.type === T.subnet
            ? [[str(args.props.subnetName) ?? args.name, args.props]]
            : arr(args.props.subnets).map((s, i) => [str(obj(s).name) ?? `subnets[${i}]`, obj(s)]);
        for (const [name, props] of subnets) {
            if (isDatabricksSubnet(props)) {
                for (const p of subnetProblems(name, props)) {
                    report(`${label(args.type, args.name)}: ${p}`);
                }
            }
        }
    },
});

function routeTableOf(idx: StackIndex, s: SubnetInfo): Res | undefined {
    const rt = idx.find(get(s.props, "routeTable.id"));
    return rt && rt.type === T.routeTable ? rt : undefined;
}

/** Where a route sends traffic, judged against the firewall's private IPs. */
function hopVerdict(r: RouteInfo, fwIps: readonly string[]): "firewall" | "drop" | "appliance-unverified" | "bypass" {
    if (eqi(r.nextHopType, "None")) {
        return "drop";
    }
    if (eqi(r.nextHopType, "VirtualAppliance")) {
        if (fwIps.length === 0) {
            return "appliance-unverified";
        }
        return fwIps.includes(r.nextHopIpAddress?.trim() ?? "") ? "firewall" : "bypass";
    }
    return "bypass";
}

export interface EffectiveGap {
    /** The route that wins by longest prefix match, or undefined when only Azure's system route (Internet) applies. */
    route?: RouteInfo;
    ranges: Range[];
}

/**
 * Longest-prefix-match over the public IPv4 space: every stretch of public addresses whose winning route does not end
 * at the firewall (or drop the traffic). Service-tag routes are not placed (their prefixes are Azure's); a tag route
 * that bypasses the firewall is reported by the caller. Azure's system route 0.0.0.0/0 -> Internet applies where no
 * user route matches (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route).
 */
export function effectiveGaps(routes: readonly RouteInfo[], accept: (r: RouteInfo) => boolean): EffectiveGap[] {
    const placed = routes.map(r => ({ r, c: parseCidr(r.addressPrefix) })).filter(x => x.c !== undefined)
        .map(x => ({ r: x.r, c: x.c!, range: rangeOf(x.c!) }));
    const cuts = new Set<number>();
    for (const p of PUBLIC_SPACE) {
        cuts.add(p.start);
        cuts.add(p.end + 1);
    }
    for (const x of placed) {
        cuts.add(x.range.start);
        cuts.add(x.range.end + 1);
    }
    const points = [...cuts].filter(n => n <= 0xffffffff).sort((a, b) => a - b);
    const gaps = new Map<RouteInfo | undefined, Range[]>();
    for (let i = 0; i < points.length; i++) {
        const piece: Range = { start: points[i], end: (i + 1 < points.length ? points[i + 1] : 0x100000000) - 1 };
        if (!touchesPublic(piece)) {
            continue;
        }
        let best: { r: RouteInfo; length: number } | undefined;
        for (const x of placed) {
            if (x.range.start <= piece.start && piece.end <= x.range.end && (!best || x.c.length > best.length)) {
                best = { r: x.r, length: x.c.length };
            }
        }
        if (best && accept(best.r)) {
            continue;
        }
        const key = best?.r;
        gaps.set(key, [...(gaps.get(key) ?? []), piece]);
    }
    return [...gaps.entries()].map(([route, ranges]) => ({ route, ranges }));
}

function shortList(ranges: readonly Range[]): string {
    const shown = ranges.slice(0, 3).map(formatRange).join(", ");
    return ranges.length > 3 ? `${shown} and ${ranges.length - 3} more` : shown;
}

export const databricksDefaultRouteToFirewall = stackPolicy({
    name: "databricks-default-route-to-firewall",
    description: "Every Databricks subnet's route table must, by longest prefix match, send every public address to the "
        + "Azure Firewall's private IP (VirtualAppliance) or drop it: a missing default route, a default route elsewhere, "
        + "or a more specific route (or service-tag route) that goes around the firewall are all refused.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        let fwIps: string[] = [];
        guard("the firewall's private IP", () => {
            fwIps = idx.firewallPrivateIps().map(f => f.ip);
        });
        const fwText = fwIps.length > 0 ? fwIps.map(ip => `'${ip}'`).join(" or ") : "the firewall's private IP";
        const seen = new Set<string>();
        for (const s of idx.databricksSubnets()) {
            const subnetLabel = `${label(s.owner.type, s.owner.name)}${s.inline ? ` subnet '${s.name}'` : ""}`;
            guard(subnetLabel, () => {
                const rtRef = str(get(s.props, "routeTable.id"));
                if (!rtRef) {
                    report(`${subnetLabel} is a Databricks subnet without a route table, so Azure's system route sends `
                        + "0.0.0.0/0 to the internet. Set routeTable.id to a route table whose 0.0.0.0/0 route has "
                        + `nextHopType 'VirtualAppliance' and nextHopIpAddress ${fwText}.`, s.owner.urn);
                    return;
                }
                const rt = routeTableOf(idx, s);
                if (!rt) {
                    report(`${subnetLabel} uses route table '${rtRef}', which is not in this stack, so forced tunnelling cannot `
                        + "be verified. Use the route table managed by this stack.", s.owner.urn);
                    return;
                }
                if (seen.has(rt.urn)) {
                    return;
                }
                seen.add(rt.urn);
                const rtLabel = label(rt.type, rt.name, str(rt.props.routeTableName));
                const routes = idx.routesOf(rt);
                const where = (r: RouteInfo) => r.owner === rt ? `${rtLabel} route '${r.name}'` : `${label(r.owner.type, r.owner.name)} (in ${rtLabel})`;
                if (fwIps.length === 0) {
                    report(`${rtLabel} (on Databricks subnet '${s.name}') routes egress to ${show(routes.map(r => r.nextHopIpAddress ?? r.nextHopType))}, `
                        + "but this stack has no Azure Firewall with a private IP to check it against. Deploy the hub firewall "
                        + "in this stack and point the route at its private IP.", rt.urn);
                    return;
                }
                for (const r of routes) {
                    if (parseCidr(r.addressPrefix) === undefined && r.addressPrefix && hopVerdict(r, fwIps) === "bypass") {
                        report(`${where(r)} sends service tag ${show(r.addressPrefix)} from Databricks subnet '${s.name}' to `
                            + `nextHopType ${show(r.nextHopType)}${r.nextHopIpAddress ? ` ${show(r.nextHopIpAddress)}` : ""}, around the `
                            + `firewall. Remove the route, or send it to 'VirtualAppliance' ${fwText}.`, r.owner.urn);
                    }
                }
                for (const gap of effectiveGaps(routes, r => ["firewall", "drop"].includes(hopVerdict(r, fwIps)))) {
                    if (!gap.route) {
                        report(`${rtLabel} (on Databricks subnet '${s.name}') has no route for public addresses `
                            + `${shortList(gap.ranges)}, so Azure's system route sends them straight to the internet. Add a route `
                            + `addressPrefix '0.0.0.0/0', nextHopType 'VirtualAppliance', nextHopIpAddress ${fwText}.`, rt.urn);
                        continue;
                    }
                    const r = gap.route;
                    report(`${where(r)} (${show(r.addressPrefix)} -> ${show(r.nextHopType)}${r.nextHopIpAddress ? ` ${show(r.nextHopIpAddress)}` : ""}) `
                        + `is the longest-prefix match for public addresses ${shortList(gap.ranges)} from Databricks subnet `
                        + `'${s.name}', bypassing the firewall. Set nextHopType to 'VirtualAppliance' and nextHopIpAddress to `
                        + `${fwText}, or remove the route.`, r.owner.urn);
                }
            });
        }
    },
});

/** Findings a route table (or one Route) decides alone: public prefixes sent around an appliance in a forced-tunnel table. */
export function routeProblems(routes: readonly { name: string; addressPrefix?: string; nextHopType?: string }[],
    standalone: boolean): string[] {
    const forcedTunnel = routes.some(r => eqi(r.nextHopType, "VirtualAppliance"));
    const out: string[] = [];
    for (const r of routes) {
        if (eqi(r.nextHopType, "VirtualAppliance") || eqi(r.nextHopType, "None")) {
            continue;
        }
        const c = parseCidr(r.addressPrefix);
        const isTag = c === undefined && typeof r.addressPrefix === "string" && addressKind(r.addressPrefix) !== "unparsed";
        const isDefault = c !== undefined && c.length === 0;
        const publicPart = c !== undefined && touchesPublic(rangeOf(c));
        if (!(isTag || publicPart)) {
            continue;
        }
        if (isDefault && !forcedTunnel && !standalone) {
            continue; // a table without appliance routes (e.g. AzureFirewallSubnet's own) may send 0/0 to the internet
        }
        if (isDefault && standalone) {
            continue; // a lone Route resource's table is judged by databricks-default-route-to-firewall
        }
        out.push(`route '${r.name}' sends ${isTag ? `service tag '${r.addressPrefix}'` : `public prefix '${r.addressPrefix}'`} to `
            + `nextHopType ${show(r.nextHopType)}${forcedTunnel ? " while the table forces everything else through an appliance" : ""}: `
            + "by longest prefix match that traffic goes around the firewall. Send it to the firewall ('VirtualAppliance') "
            + "or remove the route.");
    }
    return out;
}

export const routeTableNoFirewallBypass = resourcePolicy({
    name: "route-table-no-firewall-bypass",
    description: "Route tables (and Route resources) must not send public prefixes or service tags anywhere but a "
        + "virtual appliance or 'None'; only a table without appliance routes (such as the firewall subnet's) may keep "
        + "0.0.0.0/0 to the internet.",
    types: [T.routeTable, T.route],
    validate: (args, report, guard) => {
        guard("routes", () => {
            const routes = args.type === T.routeTable
                ? arr(args.props.routes).map((r, i) => ({ name: str(obj(r).name) ?? `#${i}`, addressPrefix: str(obj(r).addressPrefix),
                    nextHopType: str(obj(r).nextHopType) }))
                : [{ name: str(args.props.routeName) ?? args.name, addressPrefix: str(args.props.addressPrefix),
                    nextHopType: str(args.props.nextHopType) }];
            const who = label(args.type, args.name, str(args.props.routeTableName ?? args.props.routeName));
            routeProblems(routes, args.type === T.route).forEach(p => report(`${who}: ${p}`));
        });
    },
});

export const databricksRouteTableNoBgpPropagation = stackPolicy({
    name: "databricks-route-table-bgp-propagation-disabled",
    description: "Route tables on Databricks subnets should disable BGP route propagation, so routes learnt by a VPN or "
        + "ExpressRoute gateway cannot steer traffic around the firewall.",
    enforcementLevel: "advisory",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const seen = new Set<string>();
        for (const s of idx.databricksSubnets()) {
            guard(s.name, () => {
                const rt = routeTableOf(idx, s);
                if (!rt || seen.has(rt.urn)) {
                    return;
                }
                seen.add(rt.urn);
                if (!isTrue(rt.props.disableBgpRoutePropagation)) {
                    report(`${label(rt.type, rt.name, str(rt.props.routeTableName))} (on Databricks subnet '${s.name}') has `
                        + `disableBgpRoutePropagation ${show(rt.props.disableBgpRoutePropagation)}. Set it to true.`, rt.urn);
                }
            });
        }
    },
});

export const networkPolicies = [
    nsgNoInboundFromInternet,
    nsgBastionRuleOnlyOnBastionSubnet,
    publicIpOnlyOnEdgeServices,
    noPublicIpOnWorkloads,
    routeTableNoFirewallBypass,
    databricksSubnetNsgAndRouteTable,
    databricksDefaultRouteToFirewall,
    databricksRouteTableNoBgpPropagation,
];
