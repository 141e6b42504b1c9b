// Hub-and-spoke topology: spokes peer only with the hub (no spoke-to-spoke shortcut around the firewall, no peering to
// a network this stack does not manage), and spokes resolve DNS through the hub (the firewall's DNS proxy or the
// Private DNS Resolver), so FQDN filtering and the private DNS zones apply to them. The one exception is Databricks'
// separate-zones pattern for workspace VNets (see spokeBackEndZoneVnet): Azure-provided DNS with the spoke's own
// privatelink.azuredatabricks.net zone for the back-end endpoint; the price is that the firewall's DNS log does not see
// those clusters' lookups.

import { normalizeId, parentKey } from "../lib/armid";
import { parseRange, touchesPublic } from "../lib/cidr";
import { resourcePolicy, stackPolicy } from "../lib/policy";
import { endpointConnections, Res, StackIndex, T } from "../lib/stackindex";
import { arr, get, hasUnknown, label, obj, peek, show, str, unknownYet } from "../lib/values";

const PEERING = "azure-native:network:VirtualNetworkPeering";
const INBOUND_ENDPOINT = "azure-native:network:InboundEndpoint";

/** The hub: the VNet that holds AzureFirewallSubnet (learn.microsoft.com/azure/firewall/tutorial-hybrid-portal-policy). */
export function hubKeys(idx: StackIndex): Set<string> {
    return new Set(idx.subnets().filter(s => s.name.toLowerCase() === "azurefirewallsubnet").map(s => s.vnetKey));
}

function vnetKeyOfPeering(p: Res): string | undefined {
    const rg = str(p.props.resourceGroupName);
    const vnet = str(p.props.virtualNetworkName);
    return rg && vnet ? `/resourcegroups/${rg}/providers/microsoft.network/virtualnetworks/${vnet}`.toLowerCase() : undefined;
}

const DATABRICKS_ZONE = "privatelink.azuredatabricks.net";

/** The VNets a private DNS zone is linked to (its VirtualNetworkLink children, matched by resource group and name). */
function linkedVnets(idx: StackIndex, zone: Res): (string | undefined)[] {
    return idx.childrenOf(zone, T.virtualNetworkLink).map(l => normalizeId(peek(peek(l.props, "virtualNetwork"), "id")));
}

/**
 * Databricks' separate-zones pattern for a workspace (spoke) VNet
 * (learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard): the spoke has its own
 * privatelink.azuredatabricks.net zone, linked to that spoke VNet only, holding the back-end (databricks_ui_api)
 * endpoint record of the workspace injected into that VNet, with the endpoint itself in that VNet. Returns the spoke
 * VNet key when the zone is exactly that, else undefined. Nothing wider qualifies: a zone linked to a second VNet, a
 * zone without the back-end record, or a record of an endpoint/workspace in another VNet.
 */
export function spokeBackEndZoneVnet(idx: StackIndex, zone: Res, hubs: Set<string>): string | undefined {
    if (!eqiName(peek(zone.props, "privateZoneName"), DATABRICKS_ZONE)) {
        return undefined;
    }
    if (idx.childrenOf(zone, T.virtualNetworkLink).some(l => hasUnknown(l.props))) {
        unknownYet(`which VNets ${label(zone.type, zone.name)} is linked to`);
    }
    const vnets = linkedVnets(idx, zone);
    const vnet = vnets[0];
    if (!vnet || vnets.some(v => v !== vnet) || hubs.has(vnet)) {
        return undefined;
    }
    const holdsBackEnd = idx.ofType(T.privateDnsZoneGroup).some(g => {
        const toZone = arr(g.props.privateDnsZoneConfigs).some(c => zone.keys.includes(normalizeId(obj(c).privateDnsZoneId) ?? ""));
        if (!toZone) {
            return false;
        }
        const pe = idx.ofType(T.privateEndpoint).find(e => g.keys.some(k => e.keys.includes(parentKey(k))));
        if (!pe || idx.subnet(get(pe.props, "subnet.id"))?.vnetKey !== vnet) {
            return false;
        }
        return endpointConnections(pe.props).some(c => {
            const ws = idx.find(c.target);
            return ws !== undefined && ws.type === T.databricksWorkspace
                && c.groupIds.some(gid => gid.toLowerCase() === "databricks_ui_api")
                && normalizeId(get(ws.props, "parameters.customVirtualNetworkId.value")) === vnet;
        });
    });
    if (holdsBackEnd) {
        return vnet;
    }
    if ([...idx.ofType(T.privateDnsZoneGroup, T.privateEndpoint, T.databricksWorkspace)].some(r => hasUnknown(r.props))) {
        unknownYet(`whether ${label(zone.type, zone.name)} holds its spoke's back-end endpoint record (zone group / endpoint references)`);
    }
    return undefined;
}

export const vnetPeeringHubSpokeOnly = stackPolicy({
    name: "vnet-peering-hub-spoke-only",
    description: "Every VNet peering joins the hub (the VNet with AzureFirewallSubnet) and a VNet of this stack: no "
        + "spoke-to-spoke peering (it bypasses the firewall) and no peering to a VNet this stack does not manage.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const hubs = hubKeys(idx);
        const vnets = new Set(idx.ofType(T.virtualNetwork).flatMap(v => v.keys));
        for (const p of idx.ofType(PEERING)) {
            const who = label(p.type, p.name, str(p.props.virtualNetworkPeeringName));
            guard(who, () => {
                const local = vnetKeyOfPeering(p);
                const remoteRef = get(p.props, "remoteVirtualNetwork.id");
                const remote = normalizeId(remoteRef);
                if (!remote || !vnets.has(remote)) {
                    report(`${who} peers ${show(str(p.props.virtualNetworkName))} with ${show(remoteRef)}, which is not a VNet of `
                        + "this stack: its address space, routes and NSGs cannot be verified, and it reaches the platform "
                        + "without passing the firewall. Remove the peering, or manage that VNet here as a spoke of the hub.", p.urn);
                    return;
                }
                if (hubs.size === 0) {
                    report(`${who} peers two VNets but this stack has no hub (a VNet with AzureFirewallSubnet), so the peering `
                        + "cannot be a hub-spoke link. Peer spokes only with the hub.", p.urn);
                    return;
                }
                if (!(local && hubs.has(local)) && !hubs.has(remote)) {
                    report(`${who} peers spoke ${show(str(p.props.virtualNetworkName))} directly with spoke ${show(remoteRef)}: `
                        + "spoke-to-spoke traffic would skip the hub firewall. Remove the peering; spokes talk through the hub "
                        + "(route to the firewall).", p.urn);
                }
            });
        }
    },
});

export const spokeDnsPrivateServers = resourcePolicy({
    name: "vnet-dns-servers-private",
    description: "A VNet's custom DNS servers (dhcpOptions.dnsServers) must be private addresses: a public resolver "
        + "(8.8.8.8, or Azure's 168.63.129.16 set explicitly) bypasses the firewall's DNS proxy and the private DNS zones.",
    types: [T.virtualNetwork],
    validate: (args, report, guard) => {
        guard("dhcpOptions.dnsServers", () => {
            for (const d of arr<string>(get(args.props, "dhcpOptions.dnsServers"))) {
                const r = parseRange(d);
                if (!r || touchesPublic(r)) {
                    report(`${label(args.type, args.name, str(args.props.virtualNetworkName))} uses DNS server ${show(d)}, which is `
                        + "not a private address: name resolution would leave through a public resolver and skip the hub. Set "
                        + "dhcpOptions.dnsServers to the hub firewall's private IP (DNS proxy) or the DNS resolver's inbound IP.");
                }
            }
        });
    },
});

export const spokeDnsThroughHub = stackPolicy({
    name: "spoke-dns-through-hub",
    description: "Every VNet peered with the hub sets dhcpOptions.dnsServers, and only to the firewall's private IP (DNS "
        + "proxy) or a Private DNS Resolver inbound endpoint of this stack. Exception (Databricks' separate-zones pattern): a "
        + "workspace VNet without custom DNS servers whose own privatelink.azuredatabricks.net zone, linked to it only, "
        + "holds its workspace's back-end endpoint, and which is linked to every other privatelink zone of the stack.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const hubs = hubKeys(idx);
        const allowed = new Set<string>();
        guard("the hub's DNS addresses", () => {
            idx.firewallPrivateIps().forEach(f => allowed.add(f.ip));
            for (const ep of idx.ofType(INBOUND_ENDPOINT)) {
                arr(ep.props.ipConfigurations).map(c => str(obj(c).privateIpAddress)).forEach(ip => ip && allowed.add(ip));
            }
        });
        const peered = new Set<string>();
        for (const p of idx.ofType(PEERING)) {
            guard(p.name, () => {
                const local = vnetKeyOfPeering(p);
                const remote = normalizeId(get(p.props, "remoteVirtualNetwork.id"));
                if (local && remote && hubs.has(local)) {
                    peered.add(remote);
                }
                if (local && remote && hubs.has(remote)) {
                    peered.add(local);
                }
            });
        }
        for (const vnet of idx.ofType(T.virtualNetwork).filter(v => v.keys.some(k => peered.has(k) && !hubs.has(k)))) {
            const who = label(vnet.type, vnet.name, str(vnet.props.virtualNetworkName));
            guard(who, () => {
                const servers = arr<string>(get(vnet.props, "dhcpOptions.dnsServers"));
                const expected = allowed.size > 0 ? [...allowed].map(a => `'${a}'`).join(" or ") : "the firewall's private IP";
                const ownZone = servers.length === 0 && idx.ofType(T.privateZone)
                    .some(z => vnet.keys.includes(spokeBackEndZoneVnet(idx, z, hubs) ?? ""));
                if (ownZone) {
                    // Azure-provided DNS with its own Databricks zone (separate-zones pattern). It then resolves every
                    // other private endpoint only through zones linked to it directly.
                    if (idx.ofType(T.virtualNetworkLink).some(l => hasUnknown(l.props))) {
                        unknownYet(`which private DNS zones ${who} is linked to`);
                    }
                    const linkedHere = new Set(idx.ofType(T.privateZone)
                        .filter(z => linkedVnets(idx, z).some(v => vnet.keys.includes(v ?? "")))
                        .map(z => String(peek(z.props, "privateZoneName")).toLowerCase()));
                    const missing = [...new Set(idx.ofType(T.privateZone)
                        .map(z => String(peek(z.props, "privateZoneName") ?? "").toLowerCase())
                        .filter(n => n.startsWith("privatelink.") && !linkedHere.has(n)))];
                    if (missing.length > 0) {
                        report(`${who} uses Azure-provided DNS (no dhcpOptions.dnsServers) but is not linked to ${show(missing)}: `
                            + "those private endpoints resolve to public addresses from this spoke. Link those zones to the "
                            + "spoke VNet, or set dhcpOptions.dnsServers to the hub.", vnet.urn);
                    }
                    return;
                }
                if (servers.length === 0) {
                    report(`${who} is a spoke of the hub but has no dhcpOptions.dnsServers, so it uses Azure's resolver directly: `
                        + "the firewall's FQDN rules and DNS logging do not see its lookups. Set dhcpOptions.dnsServers to "
                        + `${expected}.`, vnet.urn);
                    return;
                }
                if (allowed.size === 0) {
                    return; // nothing to compare with yet (hub DNS not known); vnet-dns-servers-private still applies
                }
                const foreign = servers.filter(s => !allowed.has(String(s).trim()));
                if (foreign.length > 0) {
                    report(`${who} is a spoke of the hub but resolves DNS through ${show(foreign)}, not the hub. Set `
                        + `dhcpOptions.dnsServers to ${expected}.`, vnet.urn);
                }
            });
        }
    },
});

export const privateDnsZonesLinkedToHub = stackPolicy({
    name: "private-dns-zones-linked-to-hub",
    description: "Every privatelink.* private DNS zone of the stack is linked to the hub VNet, where the firewall's DNS proxy "
        + "and the resolver answer for the spokes: without the link private endpoints resolve to public addresses. Only a "
        + "workspace VNet's own privatelink.azuredatabricks.net zone (linked to that VNet alone, holding its workspace's "
        + "back-end endpoint) is exempt.",
    validate: (args, report, guard) => {
        const idx = new StackIndex(args.resources);
        const hubs = hubKeys(idx);
        if (hubs.size === 0) {
            return;
        }
        const links = idx.ofType(T.virtualNetworkLink);
        for (const zone of idx.ofType(T.privateZone)) {
            const who = label(zone.type, zone.name, str(zone.props.privateZoneName));
            guard(who, () => {
                const name = str(zone.props.privateZoneName) ?? "";
                if (!name.toLowerCase().startsWith("privatelink.")) {
                    return;
                }
                const children = idx.childrenOf(zone, T.virtualNetworkLink);
                // Without a resource group (unknown keys) fall back to links of the same zone name.
                const mine = children.length > 0 || zone.keys.length > 0 ? children
                    : links.filter(l => eqiName(peek(l.props, "privateZoneName"), name));
                if (mine.some(l => hubs.has(normalizeId(peek(peek(l.props, "virtualNetwork"), "id")) ?? ""))) {
                    return;
                }
                if (spokeBackEndZoneVnet(idx, zone, hubs)) {
                    return; // a workspace VNet's own back-end zone (separate-zones pattern): linked to that spoke only
                }
                if (mine.some(l => hasUnknown(l.props))) {
                    unknownYet(`whether ${who} is linked to the hub (its links' VNets)`);
                }
                report(`${who} is not linked to the hub VNet: lookups forwarded by the firewall's DNS proxy or the resolver `
                    + "return the public address, so traffic to that service leaves the private path. Add an "
                    + "azure-native:network:VirtualNetworkLink from the zone to the hub VNet (registrationEnabled false).", zone.urn);
            });
        }
    },
});

function eqiName(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

export const topologyPolicies = [vnetPeeringHubSpokeOnly, spokeDnsPrivateServers, spokeDnsThroughHub, privateDnsZonesLinkedToHub];
