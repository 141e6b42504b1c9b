package com.ztplatform.components.firewall;

import com.pulumi.azurenative.network.NatGateway;
import com.pulumi.azurenative.network.NatGatewayArgs;
import com.pulumi.azurenative.network.PublicIPPrefix;
import com.pulumi.azurenative.network.PublicIPPrefixArgs;
import com.pulumi.azurenative.network.RouteTable;
import com.pulumi.azurenative.network.RouteTableArgs;
import com.pulumi.azurenative.network.inputs.NatGatewaySkuArgs;
import com.pulumi.azurenative.network.inputs.PublicIPPrefixSkuArgs;
import com.pulumi.azurenative.network.inputs.RouteArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.NetworkResources;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How allowed traffic leaves the hub after the firewall: a NAT gateway with a static public IP (or prefix) on
 * AzureFirewallSubnet, giving one auditable egress identity, or a forced tunnel to an upstream appliance.
 *
 * <p>It is created before the {@code HubNetwork}, because the association is a property of the firewall
 * subnet: pass {@link #natGatewayId()} / {@link #firewallSubnetRouteTableId()} to the hub's arguments.
 *
 * <pre>{@code
 * var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg.name())
 *         .location("westeurope").naming(naming).common(common).build(), null);
 * var hub = new HubNetwork("hub", HubNetworkArgs.builder()...firewallSubnetNatGatewayId(egress.natGatewayId().get())...);
 * }</pre>
 */
public class EgressPath extends ComponentResource {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:firewall:EgressPath";

    private final EgressMode mode;
    private final Optional<NatGateway> natGateway;
    private final Optional<RouteTable> firewallSubnetRoutes;
    private final Output<List<String>> egressIps;
    private final Optional<String> nextHop;

    /**
     * Creates the NAT gateway with its static public IP or prefix (NAT gateway mode), or the route table sending
     * {@code 0.0.0.0/0} from AzureFirewallSubnet to the upstream appliance (forced-tunnel mode).
     *
     * @param name    the Pulumi resource name, unique in the stack, like egress
     * @param args    the arguments; every problem is reported at once
     * @param options Pulumi options of the component (parent, providers), or null
     * @throws IllegalArgumentException when the arguments have problems, each naming the field and a valid example
     */
    public EgressPath(String name, EgressPathArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("EgressPath", name, args.problems());
        this.mode = args.mode();
        this.nextHop = args.forcedTunnelNextHopIp();
        var naming = args.naming();
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build();

        if (mode == EgressMode.NAT_GATEWAY) {
            var nat = NatGatewayArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .location(args.location())
                    .natGatewayName(naming.name(ResourceKind.NAT_GATEWAY, "hub", "egress", "ng"))
                    .sku(NatGatewaySkuArgs.builder().name("Standard").build())
                    .idleTimeoutInMinutes(4)
                    .tags(tags);
            if (args.publicIpPrefixLength() == 0) {
                var ip = NetworkResources.standardPublicIp(name + "-pip", args.resourceGroupName(), args.location(),
                        naming.name(ResourceKind.PUBLIC_IP, "hub", "egress", "pip"), List.of(), tags, child);
                Diagnostics.send(name + "-pip-diag", "Microsoft.Network/publicIPAddresses", ip.id(), args.common(), this);
                nat.publicIpAddresses(SubResourceArgs.builder().id(ip.id()).build());
                this.egressIps = ip.ipAddress().applyValue(a -> List.of(a.orElse("")));
            } else {
                var prefix = new PublicIPPrefix(name + "-pipprefix", PublicIPPrefixArgs.builder()
                        .resourceGroupName(args.resourceGroupName())
                        .location(args.location())
                        .publicIpPrefixName(naming.name(ResourceKind.PUBLIC_IP, "hub", "egress", "prefix"))
                        .prefixLength(args.publicIpPrefixLength())
                        .publicIPAddressVersion("IPv4")
                        .sku(PublicIPPrefixSkuArgs.builder().name("Standard").tier("Regional").build())
                        .tags(tags)
                        .build(), child);
                nat.publicIpPrefixes(SubResourceArgs.builder().id(prefix.id()).build());
                this.egressIps = prefix.ipPrefix().applyValue(p -> List.of(p == null ? "" : p));
            }
            this.natGateway = Optional.of(new NatGateway(name + "-ng", nat.build(), child));
            this.firewallSubnetRoutes = Optional.empty();
        } else {
            this.natGateway = Optional.empty();
            // Gateway route propagation stays on: Azure needs it on AzureFirewallSubnet for forced tunnelling.
            this.firewallSubnetRoutes = Optional.of(new RouteTable(name + "-fw-rt", RouteTableArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .location(args.location())
                    .routeTableName(naming.name(ResourceKind.ROUTE_TABLE, "hub", "fw", "upstream", "rt"))
                    .disableBgpRoutePropagation(false)
                    .routes(RouteArgs.builder()
                            .name("default-to-upstream")
                            .addressPrefix("0.0.0.0/0")
                            .nextHopType("VirtualAppliance")
                            .nextHopIpAddress(args.forcedTunnelNextHopIp().get())
                            .build())
                    .tags(tags)
                    .build(), child));
            this.egressIps = Output.of(List.of());
        }
        registerOutputs(Map.of("egressIps", egressIps));
    }

    /**
     * How allowed traffic leaves.
     *
     * @return NAT gateway or forced tunnel, as configured
     */
    public EgressMode mode() {
        return mode;
    }

    /**
     * NAT gateway mode: the gateway to associate with AzureFirewallSubnet.
     *
     * @return the NAT gateway's resource ID; empty in forced-tunnel mode
     */
    public Optional<Output<String>> natGatewayId() {
        return natGateway.map(NatGateway::id);
    }

    /**
     * Forced-tunnel mode: the route table to associate with AzureFirewallSubnet.
     *
     * @return the route table's resource ID; empty in NAT gateway mode
     */
    public Optional<Output<String>> firewallSubnetRouteTableId() {
        return firewallSubnetRoutes.map(RouteTable::id);
    }

    /**
     * The public addresses (or prefix) all allowed traffic leaves from; empty in forced-tunnel mode.
     *
     * @return one address like 20.54.1.7, or one prefix like 20.54.1.6/31, once Azure allocated it
     */
    public Output<List<String>> egressIps() {
        return egressIps;
    }

    /**
     * The upstream appliance's private IP that forced-tunnel traffic goes to.
     *
     * @return the IP, like 10.200.0.4; empty in NAT gateway mode
     */
    public Optional<String> forcedTunnelNextHopIp() {
        return nextHop;
    }
}
