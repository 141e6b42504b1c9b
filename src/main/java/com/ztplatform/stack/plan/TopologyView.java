package com.ztplatform.stack.plan;

import com.ztplatform.components.offline.Plan;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * topology.md: a Mermaid diagram of the VNets, their subnets (with NSG, route table and delegation), the
 * resources placed in each subnet (anything whose inputs reference the subnet), peerings and private DNS
 * zone links, and how each workspace's name resolves from its spoke, the hub and a VPN client
 * ({@link NameResolution}). Derived from the plan only, so it shows what would really be deployed.
 */
final class TopologyView {
    private static final String VNET = "azure-native:network:VirtualNetwork";
    private static final String SUBNET = "azure-native:network:Subnet";
    private static final String PEERING = "azure-native:network:VirtualNetworkPeering";
    private static final String LINK = "azure-native:network:VirtualNetworkLink";

    /** Resources shown inside subnets, with a readable label. */
    private static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("azure-native:network:AzureFirewall", "Azure Firewall"),
            Map.entry("azure-native:network:BastionHost", "Bastion"),
            Map.entry("azure-native:network:VirtualNetworkGateway", "VPN gateway"),
            Map.entry("azure-native:network:InboundEndpoint", "DNS resolver inbound"),
            Map.entry("azure-native:network:OutboundEndpoint", "DNS resolver outbound"),
            Map.entry("azure-native:network:DnsResolver", "DNS private resolver"),
            Map.entry("azure-native:network:PrivateEndpoint", "Private endpoint"),
            Map.entry("azure-native:network:NatGateway", "NAT gateway"),
            Map.entry("azure-native:databricks:Workspace", "Databricks workspace"),
            Map.entry("azure-native:network:LoadBalancer", "Load balancer"),
            Map.entry("azure-native:network:PrivateLinkService", "Private Link service"),
            Map.entry("azure-native:network:NetworkInterface", "NIC"));

    private TopologyView() {
    }

    static String render(Plan plan) {
        var ids = new IdAllocator();
        var vnets = plan.ofType(VNET);
        var subnets = plan.ofType(SUBNET);
        var vnetByName = new TreeMap<String, Plan.PlanResource>();
        vnets.forEach(v -> vnetByName.put(v.inputString("virtualNetworkName").orElse(v.name()), v));

        // Place each shown resource in the first subnet (or VNet) its inputs reference.
        var subnetIds = new TreeMap<String, Plan.PlanResource>();
        subnets.forEach(s -> subnetIds.put(s.id(), s));
        var vnetIds = new TreeMap<String, Plan.PlanResource>();
        vnets.forEach(v -> vnetIds.put(v.id(), v));
        Map<String, List<Plan.PlanResource>> inSubnet = new TreeMap<>();
        Map<String, List<Plan.PlanResource>> inVnet = new TreeMap<>();
        for (var r : plan.resources()) {
            if (!SHOWN.containsKey(r.type())) {
                continue;
            }
            var refs = new ArrayList<String>();
            collectStrings(r.inputs(), refs);
            var subnet = refs.stream().filter(subnetIds::containsKey).findFirst();
            if (subnet.isPresent()) {
                inSubnet.computeIfAbsent(subnet.get(), k -> new ArrayList<>()).add(r);
                continue;
            }
            refs.stream().filter(vnetIds::containsKey).findFirst()
                    .ifPresent(v -> inVnet.computeIfAbsent(v, k -> new ArrayList<>()).add(r));
        }

        var out = new StringBuilder();
        out.append("# Topology of stack `").append(plan.stack()).append("`\n\n");
        out.append("Generated from `plan.json` by `zt-platform plan ").append(plan.stack())
                .append("`: VNets with their subnets (NSG, route table, delegation), what sits in each subnet, ")
                .append("peerings and private DNS zone links.\n\n");
        out.append("```mermaid\nflowchart LR\n");
        for (var vnet : vnetByName.values()) {
            var vnetName = vnet.inputString("virtualNetworkName").orElse(vnet.name());
            var space = vnet.input("addressSpace.addressPrefixes").map(JsonElement::toString).orElse("")
                    .replace("[", "").replace("]", "").replace("\"", "");
            out.append("  subgraph ").append(ids.of(vnet.urn())).append("[\"VNet ").append(vnetName).append("<br/>")
                    .append(space).append("\"]\n");
            for (var subnet : subnets) {
                if (!vnetName.equals(subnet.inputString("virtualNetworkName").orElse(""))) {
                    continue;
                }
                out.append("    subgraph ").append(ids.of(subnet.urn())).append("[\"")
                        .append(subnet.inputString("subnetName").orElse(subnet.name())).append("<br/>")
                        .append(subnet.inputString("addressPrefix").orElse("")).append(subnetNotes(plan, subnet))
                        .append("\"]\n");
                for (var r : inSubnet.getOrDefault(subnet.id(), List.of())) {
                    out.append("      ").append(ids.of(r.urn())).append("[\"").append(label(r)).append("\"]\n");
                }
                if (inSubnet.getOrDefault(subnet.id(), List.of()).isEmpty()) {
                    out.append("      ").append(ids.of(subnet.urn() + "#empty")).append("[\"(empty)\"]\n");
                }
                out.append("    end\n");
            }
            for (var r : inVnet.getOrDefault(vnet.id(), List.of())) {
                out.append("    ").append(ids.of(r.urn())).append("[\"").append(label(r)).append("\"]\n");
            }
            out.append("  end\n");
        }

        // Peerings: one edge per VNet pair, two-headed when both directions exist.
        var peerings = new TreeMap<String, Integer>();
        for (var p : plan.ofType(PEERING)) {
            var local = vnetByName.get(p.inputString("virtualNetworkName").orElse(""));
            var remote = p.inputString("remoteVirtualNetwork.id").flatMap(plan::byId);
            if (local != null && remote.isPresent()) {
                var a = local.urn();
                var b = remote.get().urn();
                var key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                peerings.merge(key, 1, Integer::sum);
            }
        }
        peerings.forEach((key, count) -> {
            var parts = key.split("\\|");
            out.append("  ").append(ids.of(parts[0])).append(count > 1 ? " <-->|peering| " : " ---|peering, one way| ")
                    .append(ids.of(parts[1])).append('\n');
        });

        // Private DNS zone links, counted per VNet.
        var links = new TreeMap<String, TreeSet<String>>();
        for (var link : plan.ofType(LINK)) {
            link.inputString("virtualNetwork.id").flatMap(plan::byId).ifPresent(v ->
                    links.computeIfAbsent(v.urn(), k -> new TreeSet<>()).add(link.inputString("privateZoneName").orElse("")));
        }
        if (!links.isEmpty()) {
            var zones = new TreeSet<String>();
            links.values().forEach(zones::addAll);
            out.append("  zones[(\"").append(zones.size()).append(" private DNS zones\")]\n");
            links.forEach((vnetUrn, linked) -> out.append("  zones -.->|").append(linked.size()).append(" linked| ")
                    .append(ids.of(vnetUrn)).append('\n'));
        }
        out.append("```\n\n");
        out.append("Counts: ").append(vnets.size()).append(" VNets, ").append(subnets.size()).append(" subnets, ")
                .append(plan.ofType(PEERING).size()).append(" peerings, ").append(plan.ofType(LINK).size())
                .append(" DNS zone links.\n\n");
        out.append(DataPaths.render(plan));
        out.append(NameResolution.render(plan));
        return out.toString();
    }

    private static String subnetNotes(Plan plan, Plan.PlanResource subnet) {
        var notes = new StringBuilder();
        subnet.inputString("networkSecurityGroup.id").flatMap(plan::byId).ifPresent(n -> notes.append("<br/>NSG ")
                .append(n.inputString("networkSecurityGroupName").orElse(n.name())));
        subnet.inputString("routeTable.id").flatMap(plan::byId).ifPresent(t -> notes.append("<br/>UDR ")
                .append(t.inputString("routeTableName").orElse(t.name())));
        subnet.input("delegations").filter(JsonElement::isJsonArray).ifPresent(d -> d.getAsJsonArray().forEach(e -> {
            var service = e.getAsJsonObject().get("serviceName");
            if (service != null) {
                notes.append("<br/>delegated to ").append(service.getAsString());
            }
        }));
        return notes.toString();
    }

    private static String label(Plan.PlanResource r) {
        var azureName = Optional.ofNullable(r.id()).map(id -> id.substring(id.lastIndexOf('/') + 1)).orElse(r.name());
        var label = SHOWN.get(r.type()) + "<br/>" + azureName;
        var ip = r.mockComputed().get("ipConfigurations");
        if (ip != null && ip.isJsonArray() && !ip.getAsJsonArray().isEmpty()) {
            var first = ip.getAsJsonArray().get(0).getAsJsonObject();
            var address = first.has("privateIPAddress") ? first.get("privateIPAddress")
                    : first.get("privateIpAddress");
            if (address != null) {
                label += "<br/>" + address.getAsString();
            }
        }
        return label;
    }

    private static void collectStrings(JsonElement element, List<String> out) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive()) {
            out.add(element.getAsString());
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectStrings(e, out));
        } else {
            new TreeMap<>(element.getAsJsonObject().asMap()).values().forEach(e -> collectStrings(e, out));
        }
    }

    /** Mermaid node ids must be simple; numbered in first-use order, which is deterministic. */
    private static final class IdAllocator {
        private final Map<String, String> ids = new LinkedHashMap<>();

        String of(String key) {
            return ids.computeIfAbsent(key, k -> "n" + (ids.size() + 1));
        }
    }
}
