package com.ztplatform.stack.plan;

import com.google.gson.JsonElement;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How each workspace's name resolves, derived from the plan alone: from the workspace's own spoke, from the hub,
 * and from a point-to-site VPN client. A workspace URL is a CNAME to {@code <name>.privatelink.azuredatabricks.net};
 * Azure-provided DNS answers it from the {@code privatelink.azuredatabricks.net} zone linked to the VNet asking, and a
 * VNet with custom DNS servers asks in the view of the VNet those servers sit in. The answer is the private endpoint
 * registered for that workspace in that zone: exactly one, or the row says what is wrong.
 */
public final class NameResolution {
    private static final String WORKSPACE = "azure-native:databricks:Workspace";
    private static final String ENDPOINT = "azure-native:network:PrivateEndpoint";
    private static final String ZONE = "azure-native:network:PrivateZone";
    private static final String LINK = "azure-native:network:VirtualNetworkLink";
    private static final String ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";
    private static final String VNET = "azure-native:network:VirtualNetwork";
    private static final String SUBNET = "azure-native:network:Subnet";
    private static final String GATEWAY = "azure-native:network:VirtualNetworkGateway";
    private static final String INBOUND = "azure-native:network:InboundEndpoint";
    private static final String FIREWALL = "azure-native:network:AzureFirewall";

    /**
     * One row.
     *
     * @param workspace   the workspace's Azure name
     * @param client      who asks, like "spoke VNet ztp-dev-analytics-vnet"
     * @param resolver    how it asks, like "Azure-provided DNS of ztp-dev-analytics-vnet"
     * @param zone        the zone that answers, like "privatelink.azuredatabricks.net (ztp-dev-analytics-rg)"; empty if none
     * @param endpoint    the private endpoint the name resolves to; empty when it does not resolve to exactly one
     * @param address     that endpoint's private IP; empty likewise
     * @param problem     why there is no single answer; empty when there is one
     */
    public record Answer(String workspace, String client, String resolver, String zone, String endpoint, String address,
                         String problem) {
    }

    private NameResolution() {
    }

    /**
     * How each workspace name resolves from each client, as the plan's DNS zones, links and endpoints say.
     *
     * @param plan the stack's plan
     * @return one answer per workspace and client (spoke VNet, VPN client), in plan order
     */
    public static List<Answer> resolve(Plan plan) {
        var answers = new ArrayList<Answer>();
        var hub = hubVnet(plan);
        for (var workspace : plan.ofType(WORKSPACE)) {
            var name = nameOf(workspace);
            workspace.inputString("parameters.customVirtualNetworkId.value").flatMap(plan::byId).ifPresent(spoke ->
                    answers.add(ask(plan, workspace, "spoke VNet " + vnetName(spoke), spoke)));
            hub.ifPresent(h -> answers.add(ask(plan, workspace, "hub VNet " + vnetName(h), h)));
            if (!plan.ofType(GATEWAY).isEmpty()) {
                var inbound = plan.ofType(INBOUND).stream().findFirst();
                if (inbound.isPresent() && hub.isPresent()) {
                    var ip = firstIp(inbound.get(), "privateIpAddress").orElse("?");
                    var viaHub = ask(plan, workspace, "VPN client", hub.get());
                    answers.add(new Answer(name, "VPN client", "DNS resolver inbound endpoint " + ip
                            + " (the DNS server in the Azure VPN Client profile), which asks in the hub's view",
                            viaHub.zone(), viaHub.endpoint(), viaHub.address(), viaHub.problem()));
                } else {
                    answers.add(new Answer(name, "VPN client", "none", "", "", "", "no DNS resolver in the hub: VPN "
                            + "clients cannot resolve private names; set hub.dnsResolver and put its inbound IP in the "
                            + "Azure VPN Client profile"));
                }
            }
        }
        return answers;
    }

    /** Markdown section for topology.md. */
    static String render(Plan plan) {
        var answers = resolve(plan);
        var out = new StringBuilder();
        out.append("## Name resolution of the workspaces\n\n")
                .append("Each workspace URL is a CNAME to `<name>.privatelink.azuredatabricks.net`. The spoke resolves it ")
                .append("in its own zone (the back-end endpoint), the hub and VPN clients in the hub's zone (the ")
                .append("front-end or web-auth endpoint): one workspace's two endpoints never share a zone.\n\n");
        if (answers.isEmpty()) {
            return out.append("No workspaces.\n").toString();
        }
        out.append("| workspace | client | resolver | zone | answer |\n|---|---|---|---|---|\n");
        for (var a : answers) {
            out.append("| ").append(a.workspace()).append(" | ").append(a.client()).append(" | ").append(a.resolver())
                    .append(" | ").append(a.zone().isEmpty() ? "-" : a.zone()).append(" | ")
                    .append(a.problem().isEmpty() ? a.endpoint() + " " + a.address() : "**" + a.problem() + "**")
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The answer for a client in {@code vnet}, following its custom DNS server to the VNet that server sits in. */
    private static Answer ask(Plan plan, Plan.PlanResource workspace, String client, Plan.PlanResource vnet) {
        var name = nameOf(workspace);
        var servers = vnet.input("dhcpOptions.dnsServers").filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
        var view = vnet;
        var resolver = "Azure-provided DNS of " + vnetName(vnet);
        if (servers.isPresent() && !servers.get().isEmpty()) {
            var server = servers.get().get(0).getAsString();
            var host = vnetHosting(plan, server);
            if (host.isEmpty()) {
                return new Answer(name, client, "custom DNS " + server, "", "", "", "custom DNS server " + server
                        + " is not in a VNet of this stack; its answers are unknown");
            }
            view = host.get();
            resolver = "custom DNS " + server + ", which asks in the view of " + vnetName(view);
        }
        var zones = linkedDatabricksZones(plan, view);
        if (zones.isEmpty()) {
            return new Answer(name, client, resolver, "", "", "", "no privatelink.azuredatabricks.net zone is linked to "
                    + vnetName(view) + ": the name resolves to the public endpoint, which refuses the connection");
        }
        if (zones.size() > 1) {
            return new Answer(name, client, resolver, "", "", "", vnetName(view) + " is linked to " + zones.size()
                    + " zones named privatelink.azuredatabricks.net; Azure allows one");
        }
        var zone = zones.get(0);
        var zoneLabel = PrivateDnsZones.DATABRICKS + " (" + zone.inputString("resourceGroupName").orElse("?") + ")";
        var records = endpointsRegisteredIn(plan, zone, workspace.id());
        if (records.isEmpty()) {
            return new Answer(name, client, resolver, zoneLabel, "", "", "no record for this workspace in the zone: it "
                    + "has no databricks_ui_api endpoint registered there, so it cannot be reached from here");
        }
        if (records.size() > 1) {
            return new Answer(name, client, resolver, zoneLabel, "", "", records.size() + " endpoints register the same "
                    + "name in this zone (" + String.join(", ", records.stream().map(NameResolution::nameOf).toList())
                    + "): the last write wins");
        }
        var endpoint = records.get(0);
        return new Answer(name, client, resolver, zoneLabel, nameOf(endpoint), endpointIp(endpoint).orElse("?"), "");
    }

    private static List<Plan.PlanResource> linkedDatabricksZones(Plan plan, Plan.PlanResource vnet) {
        var zones = new ArrayList<Plan.PlanResource>();
        for (var link : plan.ofType(LINK)) {
            if (!link.inputString("virtualNetwork.id").orElse("").equals(vnet.id())
                    || !link.inputString("privateZoneName").orElse("").equals(PrivateDnsZones.DATABRICKS)) {
                continue;
            }
            var rg = link.inputString("resourceGroupName").orElse("");
            plan.ofType(ZONE).stream().filter(z -> z.inputString("privateZoneName").orElse("").equals(PrivateDnsZones.DATABRICKS)
                    && z.inputString("resourceGroupName").orElse("").equals(rg)).findFirst().ifPresent(zones::add);
        }
        return zones;
    }

    /** Databricks endpoints of the workspace whose DNS zone group writes into {@code zone}. */
    private static List<Plan.PlanResource> endpointsRegisteredIn(Plan plan, Plan.PlanResource zone, String workspaceId) {
        var found = new ArrayList<Plan.PlanResource>();
        for (var group : plan.ofType(ZONE_GROUP)) {
            if (!group.input("privateDnsZoneConfigs").map(JsonElement::toString).orElse("").contains("\"" + zone.id() + "\"")) {
                continue;
            }
            var endpointName = group.inputString("privateEndpointName").orElse("");
            plan.ofType(ENDPOINT).stream()
                    .filter(e -> e.inputString("privateEndpointName").orElse("").equals(endpointName))
                    .filter(e -> e.input("privateLinkServiceConnections").map(JsonElement::toString).orElse("")
                            .contains("\"" + workspaceId + "\""))
                    // The workspace URL is registered by databricks_ui_api endpoints; browser_authentication
                    // registers the region's web-auth name instead.
                    .filter(e -> e.input("privateLinkServiceConnections").map(JsonElement::toString).orElse("")
                            .contains("\"databricks_ui_api\""))
                    .forEach(found::add);
        }
        return found;
    }

    private static Optional<Plan.PlanResource> hubVnet(Plan plan) {
        return plan.ofType(FIREWALL).stream().findFirst()
                .flatMap(fw -> fw.input("ipConfigurations").map(JsonElement::toString))
                .flatMap(text -> plan.ofType(SUBNET).stream().filter(s -> text.contains("\"" + s.id() + "\"")).findFirst())
                .flatMap(subnet -> plan.ofType(VNET).stream().filter(v -> vnetName(v)
                        .equals(subnet.inputString("virtualNetworkName").orElse(""))).findFirst());
    }

    /** The VNet whose address space holds {@code ip}. */
    private static Optional<Plan.PlanResource> vnetHosting(Plan plan, String ip) {
        return plan.ofType(VNET).stream().filter(v -> v.input("addressSpace.addressPrefixes").filter(JsonElement::isJsonArray)
                .map(a -> {
                    for (var prefix : a.getAsJsonArray()) {
                        if (Cidr.parse(prefix.getAsString()).contains(ip)) {
                            return true;
                        }
                    }
                    return false;
                }).orElse(false)).findFirst();
    }

    private static Optional<String> endpointIp(Plan.PlanResource endpoint) {
        var configs = endpoint.mockComputed().get("customDnsConfigs");
        if (configs == null || !configs.isJsonArray() || configs.getAsJsonArray().isEmpty()) {
            return Optional.empty();
        }
        var ips = configs.getAsJsonArray().get(0).getAsJsonObject().get("ipAddresses");
        return ips == null || ips.getAsJsonArray().isEmpty() ? Optional.empty()
                : Optional.of(ips.getAsJsonArray().get(0).getAsString());
    }

    private static Optional<String> firstIp(Plan.PlanResource r, String field) {
        var configs = r.mockComputed().get("ipConfigurations");
        if (configs == null || !configs.isJsonArray() || configs.getAsJsonArray().isEmpty()) {
            return Optional.empty();
        }
        var ip = configs.getAsJsonArray().get(0).getAsJsonObject().get(field);
        return ip == null ? Optional.empty() : Optional.of(ip.getAsString());
    }

    private static String vnetName(Plan.PlanResource vnet) {
        return vnet.inputString("virtualNetworkName").orElse(vnet.name());
    }

    private static String nameOf(Plan.PlanResource r) {
        return Optional.ofNullable(r.id()).map(id -> id.substring(id.lastIndexOf('/') + 1)).orElse(r.name());
    }
}
