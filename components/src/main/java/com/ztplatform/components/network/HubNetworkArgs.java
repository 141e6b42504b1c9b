package com.ztplatform.components.network;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.LayoutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link HubNetwork}. Build with {@link #builder()}; every field is checked by {@link #problems()}
 * when the component is constructed.
 *
 * @param resourceGroupName          resource group the hub lives in (required)
 * @param location                   Azure region, like {@code westeurope} (required)
 * @param naming                     prefix and environment all names derive from (required)
 * @param addressSpace               the hub VNet's CIDR, at least /23 with the default subnets, like 10.0.0.0/22 (required)
 * @param privateEndpointSubnetPrefix size of the hub's private-endpoint subnet, /24 to /28. Default: /26
 * @param firewallManagementSubnet   create AzureFirewallManagementSubnet (forced tunnelling, Firewall Basic).
 *                                   Default: true
 * @param bastion                    Azure Bastion. Default: none
 * @param vpn                        point-to-site VPN gateway with Entra ID authentication. Default: none
 * @param dnsResolver                DNS Private Resolver with an inbound endpoint. Default: none
 * @param privateDnsZones            private-link zones hosted in the hub. Default: {@link PrivateDnsZones#DEFAULTS}
 * @param firewallSubnetNatGatewayId NAT gateway to associate with AzureFirewallSubnet (the egress path's), so
 *                                   allowed traffic leaves from its static IP. Default: none
 * @param firewallSubnetRouteTableId route table for AzureFirewallSubnet (forced tunnelling). Default: none
 * @param gatewaySubnetRouteTableId  route table for GatewaySubnet, so VPN clients reach the spokes only through the
 *                                   firewall ({@link GatewayRoutes}). Default: none
 * @param common                     tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
 */
public record HubNetworkArgs(
        Output<String> resourceGroupName,
        String location,
        Naming naming,
        String addressSpace,
        int privateEndpointSubnetPrefix,
        boolean firewallManagementSubnet,
        Optional<BastionOptions> bastion,
        Optional<VpnOptions> vpn,
        Optional<DnsResolverOptions> dnsResolver,
        List<String> privateDnsZones,
        Optional<Output<String>> firewallSubnetNatGatewayId,
        Optional<Output<String>> firewallSubnetRouteTableId,
        Optional<Output<String>> gatewaySubnetRouteTableId,
        CommonOptions common) {

    private static final Pattern LOCATION = Pattern.compile("^[a-z][a-z0-9]{2,39}$");

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName resource group the hub lives in (required)
     * @param location Azure region, like {@code westeurope} (required)
     * @param naming prefix and environment all names derive from (required)
     * @param addressSpace the hub VNet's CIDR, at least /23 with the default subnets, like 10.0.0.0/22 (required)
     * @param privateEndpointSubnetPrefix size of the hub's private-endpoint subnet, /24 to /28. Default: /26
     * @param firewallManagementSubnet create AzureFirewallManagementSubnet (forced tunnelling, Firewall Basic).
     *                                 Default: true
     * @param bastion Azure Bastion. Default: none
     * @param vpn point-to-site VPN gateway with Entra ID authentication. Default: none
     * @param dnsResolver DNS Private Resolver with an inbound endpoint. Default: none
     * @param privateDnsZones private-link zones hosted in the hub. Default: {@link PrivateDnsZones#DEFAULTS}
     * @param firewallSubnetNatGatewayId NAT gateway to associate with AzureFirewallSubnet (the egress path's), so
     *                                   allowed traffic leaves from its static IP. Default: none
     * @param firewallSubnetRouteTableId route table for AzureFirewallSubnet (forced tunnelling). Default: none
     * @param gatewaySubnetRouteTableId route table for GatewaySubnet, so VPN clients reach the spokes only through
     *                                  the firewall ({@link GatewayRoutes}). Default: none
     * @param common tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
     */
    public HubNetworkArgs {
        Objects.requireNonNull(bastion, "bastion");
        Objects.requireNonNull(vpn, "vpn");
        Objects.requireNonNull(dnsResolver, "dnsResolver");
        privateDnsZones = List.copyOf(Objects.requireNonNull(privateDnsZones, "privateDnsZones"));
        Objects.requireNonNull(firewallSubnetNatGatewayId, "firewallSubnetNatGatewayId");
        Objects.requireNonNull(firewallSubnetRouteTableId, "firewallSubnetRouteTableId");
        Objects.requireNonNull(gatewaySubnetRouteTableId, "gatewaySubnetRouteTableId");
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem with these arguments, each naming the field and showing a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.resourceGroup(problems, resourceGroupName, "hubRg.name()");
        if (location == null || !LOCATION.matcher(location).matches()) {
            problems.add("location must be an Azure region name like 'westeurope', got '" + location + "'");
        }
        Placement.naming(problems, naming);
        boolean privateEndpointPrefixValid = privateEndpointSubnetPrefix >= 24 && privateEndpointSubnetPrefix <= 28;
        if (!privateEndpointPrefixValid) {
            problems.add("privateEndpointSubnetPrefix must be between 24 and 28, like 26, got " + privateEndpointSubnetPrefix);
        }
        bastion.ifPresent(b -> problems.addAll(b.problems("bastion")));
        vpn.ifPresent(v -> problems.addAll(v.problems("vpn")));
        problems.addAll(PrivateDnsZones.problems("privateDnsZones", privateDnsZones));
        problems.addAll(common.problems("common"));
        if (gatewaySubnetRouteTableId.isPresent() && vpn.isEmpty()) {
            problems.add("gatewaySubnetRouteTableId needs a VPN gateway (vpn); without one there is no GatewaySubnet");
        }
        if (firewallSubnetNatGatewayId.isPresent() && firewallSubnetRouteTableId.isPresent()) {
            problems.add("firewallSubnetNatGatewayId and firewallSubnetRouteTableId are both set: a NAT gateway and a "
                    + "forced-tunnel route compete for the firewall's egress; pick one");
        }

        var cidrProblem = addressSpace == null ? Optional.of("must be an IPv4 CIDR like 10.0.0.0/22, got 'null'")
                : Cidr.problem(addressSpace);
        if (cidrProblem.isPresent()) {
            problems.add("addressSpace " + cidrProblem.get());
        } else if (privateEndpointPrefixValid) {
            // Carving with an out-of-range private-endpoint prefix would only add noise to that problem.
            var space = Cidr.parse(addressSpace);
            try {
                layoutOf(space);
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add("addressSpace: " + p));
            }
            // An invalid pool is already reported by vpn.problems().
            vpn.flatMap(v -> Cidr.parseIfValid(v.clientAddressPool()))
                    .filter(pool -> pool.overlaps(space))
                    .ifPresent(pool -> problems.add("vpn.clientAddressPool " + pool + " overlaps addressSpace "
                            + addressSpace + "; use a range outside every VNet, like 172.16.200.0/24"));
        }
        return problems;
    }

    /**
     * The subnet layout these arguments produce; throws {@link LayoutException} when it does not fit.
     *
     * @param space the hub's address space, parsed from {@code addressSpace}
     * @return the layout
     */
    public com.ztplatform.components.addressing.SubnetLayout layoutOf(Cidr space) {
        return HubLayout.carve(space, privateEndpointSubnetPrefix, firewallManagementSubnet,
                bastion.isPresent(), vpn.isPresent(), dnsResolver.isPresent());
    }

    /** Builds {@link HubNetworkArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String addressSpace;
        private int privateEndpointSubnetPrefix = HubLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX;
        private boolean firewallManagementSubnet = true;
        private Optional<BastionOptions> bastion = Optional.empty();
        private Optional<VpnOptions> vpn = Optional.empty();
        private Optional<DnsResolverOptions> dnsResolver = Optional.empty();
        private List<String> privateDnsZones = PrivateDnsZones.DEFAULTS;
        private Optional<Output<String>> firewallSubnetNatGatewayId = Optional.empty();
        private Optional<Output<String>> firewallSubnetRouteTableId = Optional.empty();
        private Optional<Output<String>> gatewaySubnetRouteTableId = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        /**
         * @param value resource group the hub lives in (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value Azure region, like {@code westeurope} (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment all names derive from (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value the hub VNet's CIDR, at least /23 with the default subnets, like 10.0.0.0/22 (required)
         * @return this builder
         */
        public Builder addressSpace(String value) { this.addressSpace = value; return this; }
        /**
         * @param value size of the hub's private-endpoint subnet, /24 to /28. Default: /26
         * @return this builder
         */
        public Builder privateEndpointSubnetPrefix(int value) { this.privateEndpointSubnetPrefix = value; return this; }
        /**
         * @param value create AzureFirewallManagementSubnet (forced tunnelling, Firewall Basic). Default: true
         * @return this builder
         */
        public Builder firewallManagementSubnet(boolean value) { this.firewallManagementSubnet = value; return this; }
        /**
         * @param value Azure Bastion. Default: none
         * @return this builder
         */
        public Builder bastion(BastionOptions value) { this.bastion = Optional.ofNullable(value); return this; }
        /**
         * @param value point-to-site VPN gateway with Entra ID authentication. Default: none
         * @return this builder
         */
        public Builder vpn(VpnOptions value) { this.vpn = Optional.ofNullable(value); return this; }
        /**
         * @param value DNS Private Resolver with an inbound endpoint. Default: none
         * @return this builder
         */
        public Builder dnsResolver(DnsResolverOptions value) { this.dnsResolver = Optional.ofNullable(value); return this; }
        /**
         * @param value private-link zones hosted in the hub. Default: {@link PrivateDnsZones#DEFAULTS}
         * @return this builder
         */
        public Builder privateDnsZones(List<String> value) { this.privateDnsZones = value; return this; }
        /**
         * @param value NAT gateway to associate with AzureFirewallSubnet (the egress path's), so allowed traffic
         *              leaves from its static IP. Default: none
         * @return this builder
         */
        public Builder firewallSubnetNatGatewayId(Output<String> value) { this.firewallSubnetNatGatewayId = Optional.ofNullable(value); return this; }
        /**
         * @param value route table for AzureFirewallSubnet (forced tunnelling). Default: none
         * @return this builder
         */
        public Builder firewallSubnetRouteTableId(Output<String> value) { this.firewallSubnetRouteTableId = Optional.ofNullable(value); return this; }
        /**
         * @param value route table for GatewaySubnet, so VPN clients reach the spokes only through the firewall
         *              ({@link GatewayRoutes}). Default: none
         * @return this builder
         */
        public Builder gatewaySubnetRouteTableId(Output<String> value) { this.gatewaySubnetRouteTableId = Optional.ofNullable(value); return this; }
        /**
         * @param value tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public HubNetworkArgs build() {
            return new HubNetworkArgs(resourceGroupName, location, naming, addressSpace, privateEndpointSubnetPrefix,
                    firewallManagementSubnet, bastion, vpn, dnsResolver, privateDnsZones, firewallSubnetNatGatewayId,
                    firewallSubnetRouteTableId, gatewaySubnetRouteTableId, common);
        }
    }
}
