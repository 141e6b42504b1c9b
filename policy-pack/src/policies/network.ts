// Network: NSGs without inbound internet (except what Azure Bastion requires), public IPs only on the edge
// services, Databricks subnets with NSG + route table, and forced tunnelling of Databricks subnets to the firewall.

import { normalizeId, parentKey, refersTo } from "../lib/armid";
import { isAnyAddress } from "../lib/cidr";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { isDatabricksSubnet, Res, StackIndex, SubnetInfo, T } from "../lib/stackindex";
import { arr, eqi, findStrings, get, isTrue, label, obj, Props, show, str } from "../lib/values";

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

export const nsgNoInboundFromInternet = stackPolicy({
    name: "nsg-no-inbound-from-internet",
    description: "NSGs must not allow inbound traffic from Internet/Any/*/0.0.0.0/0; the only exception is Azure "
        + "Bastion's required inbound TCP 443 from Internet on the NSG attached to AzureBastionSubnet.",
    validate: (args, report) => {
        const idx = new StackIndex(args.resources);
        const nsgs = idx.ofType(T.nsg);
        const bastionNsgKeys = new Set(idx.subnets()
            .filter(s => s.name.toLowerCase() === BASTION_SUBNET.toLowerCase())
            .map(s => normalizeId(get(s.props, "networkSecurityGroup.id")))
            .filter((k): k is string => k !== undefined));
        const standalone = idx.ofType(T.securityRule);
        const check = (nsgKeys: string[], nsgLabel: string, rules: NsgRule[]) => {
            const isBastion = nsgKeys.some(k => bastionNsgKeys.has(k));
            for (const r of rules) {
                if (!eqi(r.rule.direction, "Inbound") || !eqi(r.rule.access, "Allow")) {
                    continue;
                }
                const open = ruleSources(r.rule).filter(isAnyAddress);
                if (open.length === 0) {
                    continue;
                }
                if (isBastion && isBastionHttpsInbound(r.rule)) {
                    continue;
                }
                const why = isBastion
                    ? "On the Bastion NSG only inbound TCP 443 from 'Internet' is allowed from outside."
                    : "This NSG is not attached to AzureBastionSubnet, so no internet inbound is allowed.";
                report(`${nsgLabel}: inbound Allow rule '${r.name}' (priority ${show(r.rule.priority)}) admits source `
                    + `${show(open)} on ports ${show(rulePorts(r.rule))}. ${why} Set sourceAddressPrefix to a private `
                    + "source (e.g. 'VirtualNetwork' or a specific CIDR), set access to 'Deny', or remove the rule.", r.owner.urn);
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
        // SecurityRule resources whose NSG is not in this stack.
        for (const sr of standalone) {
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
    description: "Public IPs and prefixes may only be used by Azure Firewall, NAT gateway, Bastion and the VPN gateway; "
        + "no network interface or load balancer may carry a public IP.",
    validate: (args, report) => {
        const idx = new StackIndex(args.resources);
        const pips = idx.ofType(T.publicIp, T.publicIpPrefix);
        const owners = idx.ofType(...PUBLIC_IP_OWNERS);
        const referencedBy = (target: Res, among: Res[]) => among.filter(o => o !== target
            && findStrings(o.props, s => refersTo(s, target.keys)).length > 0);
        for (const pip of pips) {
            let users = referencedBy(pip, owners);
            if (users.length === 0 && pip.type === T.publicIpPrefix) {
                // A prefix is fine when the addresses allocated from it belong to edge services.
                const children = pips.filter(p => p.type === T.publicIp && refersTo(get(p.props, "publicIPPrefix.id"), pip.keys));
                users = children.flatMap(c => referencedBy(c, owners));
            }
            if (users.length === 0) {
                report(`${label(pip.type, pip.name, str(pip.props.publicIpAddressName ?? pip.props.publicIpPrefixName))} `
                    + "is not used by an Azure Firewall, NAT gateway, Bastion host or virtual network gateway. Delete it, or "
                    + "attach it to one of those (e.g. AzureFirewall ipConfigurations[].publicIPAddress.id).", pip.urn);
            }
        }
        for (const r of idx.ofType(T.networkInterface, T.loadBalancer)) {
            const configs = r.type === T.networkInterface ? "ipConfigurations" : "frontendIPConfigurations";
            arr(r.props[configs]).forEach((c, i) => {
                for (const prop of ["publicIPAddress", "publicIPPrefix"]) {
                    const ref = obj(c)[prop];
                    if (ref !== undefined && ref !== null) {
                        report(`${label(r.type, r.name)} has ${configs}[${i}].${prop} ${show(get(ref, "id") ?? ref)}: `
                            + "workloads must not be reachable from the internet. Remove the public IP and reach it through "
                            + "Bastion or a private endpoint; egress goes through the firewall.", r.urn);
                    }
                }
            });
        }
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Databricks subnets

function subnetProblems(name: string, props: Props): string[] {
    const problems: string[] = [];
    if (!str(get(props, "networkSecurityGroup.id"))) {
        problems.push(`subnet '${name}' is delegated to Databricks but has no networkSecurityGroup. Set `
            + "networkSecurityGroup.id to the spoke's Databricks NSG.");
    }
    if (!str(get(props, "routeTable.id"))) {
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

export const databricksDefaultRouteToFirewall = stackPolicy({
    name: "databricks-default-route-to-firewall",
    description: "Every Databricks subnet's route table must send 0.0.0.0/0 to a VirtualAppliance at the Azure "
        + "Firewall's private IP (forced tunnelling).",
    validate: (args, report) => {
        const idx = new StackIndex(args.resources);
        const fwIps = idx.firewallPrivateIps();
        const fwText = fwIps.length > 0 ? fwIps.map(f => `'${f.ip}' (${f.firewall.name})`).join(" or ") : "the firewall's private IP";
        for (const s of idx.databricksSubnets()) {
            const subnetLabel = `${label(s.owner.type, s.owner.name)}${s.inline ? ` subnet '${s.name}'` : ""}`;
            const rtRef = str(get(s.props, "routeTable.id"));
            if (!rtRef) {
                report(`${subnetLabel} is a Databricks subnet without a route table. Set routeTable.id to a route table `
                    + `whose 0.0.0.0/0 route has nextHopType 'VirtualAppliance' and nextHopIpAddress ${fwText}.`, s.owner.urn);
                continue;
            }
            const rt = routeTableOf(idx, s);
            if (!rt) {
                report(`${subnetLabel} uses route table '${rtRef}', which is not in this stack, so forced tunnelling cannot `
                    + "be verified. Use the route table managed by this stack.", s.owner.urn);
                continue;
            }
            const rtLabel = label(rt.type, rt.name, str(rt.props.routeTableName));
            const defaults = idx.routesOf(rt).filter(r => r.addressPrefix?.trim() === "0.0.0.0/0");
            if (defaults.length === 0) {
                report(`${rtLabel} (on Databricks subnet '${s.name}') has no 0.0.0.0/0 route, so egress goes straight to `
                    + `the internet. Add a route addressPrefix '0.0.0.0/0', nextHopType 'VirtualAppliance', nextHopIpAddress ${fwText}.`, rt.urn);
                continue;
            }
            for (const d of defaults) {
                const where = d.owner === rt ? `${rtLabel} route '${d.name}'` : `${label(d.owner.type, d.owner.name)} (in ${rtLabel})`;
                if (!eqi(d.nextHopType, "VirtualAppliance")) {
                    report(`${where} sends 0.0.0.0/0 from Databricks subnet '${s.name}' to nextHopType ${show(d.nextHopType)}, `
                        + `bypassing the firewall. Set nextHopType to 'VirtualAppliance' and nextHopIpAddress to ${fwText}.`, d.owner.urn);
                } else if (fwIps.length === 0) {
                    report(`${where} sends 0.0.0.0/0 to ${show(d.nextHopIpAddress)}, but this stack has no Azure Firewall with `
                        + "a private IP to check it against. Deploy the hub firewall in this stack and point the route at its private IP.", d.owner.urn);
                } else if (!fwIps.some(f => f.ip === d.nextHopIpAddress?.trim())) {
                    report(`${where} sends 0.0.0.0/0 from Databricks subnet '${s.name}' to ${show(d.nextHopIpAddress)}, which is `
                        + `not the Azure Firewall. Set nextHopIpAddress to ${fwText}.`, d.owner.urn);
                }
            }
        }
    },
});

export const databricksRouteTableNoBgpPropagation = stackPolicy({
    name: "databricks-route-table-bgp-propagation-disabled",
    description: "Route tables on Databricks subnets should disable BGP route propagation, so routes learnt by a VPN or "
        + "ExpressRoute gateway cannot steer traffic around the firewall.",
    enforcementLevel: "advisory",
    validate: (args, report) => {
        const idx = new StackIndex(args.resources);
        const seen = new Set<string>();
        for (const s of idx.databricksSubnets()) {
            const rt = routeTableOf(idx, s);
            if (!rt || seen.has(rt.urn)) {
                continue;
            }
            seen.add(rt.urn);
            if (!isTrue(rt.props.disableBgpRoutePropagation)) {
                report(`${label(rt.type, rt.name, str(rt.props.routeTableName))} (on Databricks subnet '${s.name}') has `
                    + `disableBgpRoutePropagation ${show(rt.props.disableBgpRoutePropagation)}. Set it to true.`, rt.urn);
            }
        }
    },
});

export const networkPolicies = [
    nsgNoInboundFromInternet,
    publicIpOnlyOnEdgeServices,
    databricksSubnetNsgAndRouteTable,
    databricksDefaultRouteToFirewall,
    databricksRouteTableNoBgpPropagation,
];
