package com.ztplatform.components.network;

import com.pulumi.azurenative.network.RouteTable;
import com.pulumi.azurenative.network.RouteTableArgs;
import com.pulumi.azurenative.network.inputs.RouteArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GatewaySubnet's route table: every spoke prefix goes to the firewall, so point-to-site VPN clients reach
 * the spokes only through it (and, with no firewall rule for them, not at all). Without it, gateway transit
 * would let VPN clients reach cluster nodes directly. It is created before the hub (the association is a
 * property of GatewaySubnet), with the firewall's predictable private IP (the fourth address of
 * AzureFirewallSubnet; see {@link HubLayout}). Gateway route propagation stays on: Azure needs it on
 * GatewaySubnet.
 *
 * <pre>{@code
 * var routes = new GatewayRoutes("gw-routes", rg.name(), "westeurope", naming, "10.100.0.4",
 *         List.of("10.101.0.0/22", "10.102.0.0/22"), common, null);
 * }</pre>
 */
public class GatewayRoutes extends ComponentResource {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:network:GatewayRoutes";

    private final RouteTable table;

    /**
     * Creates the route table with one route per spoke prefix to the firewall.
     *
     * @param name              the Pulumi resource name, like gw-routes
     * @param resourceGroupName the hub's resource group
     * @param location          Azure region, like westeurope
     * @param naming            prefix and environment
     * @param firewallPrivateIp the firewall's predicted private IP, like 10.100.0.4
     * @param spokePrefixes     every spoke's address space, like [10.101.0.0/22]
     * @param common            tags
     * @param options           Pulumi options of the component, or null
     */
    public GatewayRoutes(String name, Output<String> resourceGroupName, String location, Naming naming,
                         String firewallPrivateIp, List<String> spokePrefixes, CommonOptions common,
                         @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var problems = new ArrayList<String>();
        if (Cidr.problem(firewallPrivateIp + "/32").isPresent()) {
            problems.add("firewallPrivateIp must be an IPv4 address like 10.100.0.4, got '" + firewallPrivateIp + "'");
        }
        if (spokePrefixes.isEmpty()) {
            problems.add("spokePrefixes must list the spoke address spaces, like [10.101.0.0/22]");
        }
        spokePrefixes.forEach(p -> Cidr.problem(p).ifPresent(x -> problems.add("spokePrefixes " + x)));
        Problems.throwIfAny("GatewayRoutes", name, problems);
        var routes = spokePrefixes.stream().sorted().map(prefix -> RouteArgs.builder()
                .name("to-" + prefix.replace('.', '-').replace('/', '-') + "-via-firewall")
                .addressPrefix(prefix)
                .nextHopType("VirtualAppliance")
                .nextHopIpAddress(firewallPrivateIp)
                .build()).toList();
        this.table = new RouteTable(name + "-rt", RouteTableArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(location)
                .routeTableName(naming.name(ResourceKind.ROUTE_TABLE, "hub", "gateway", "rt"))
                .disableBgpRoutePropagation(false)
                .routes(routes)
                .tags(common.sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("routeTableId", table.id()));
    }

    /**
     * The route table to associate with GatewaySubnet (pass it to {@code HubNetworkArgs.gatewaySubnetRouteTableId}).
     *
     * @return its Azure resource ID
     */
    public Output<String> routeTableId() {
        return table.id();
    }
}
