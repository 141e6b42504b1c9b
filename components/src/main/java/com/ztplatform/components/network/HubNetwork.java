package com.ztplatform.components.network;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.network.BastionHost;
import com.pulumi.azurenative.network.BastionHostArgs;
import com.pulumi.azurenative.network.DnsResolver;
import com.pulumi.azurenative.network.DnsResolverArgs;
import com.pulumi.azurenative.network.InboundEndpoint;
import com.pulumi.azurenative.network.InboundEndpointArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.OutboundEndpoint;
import com.pulumi.azurenative.network.OutboundEndpointArgs;
import com.pulumi.azurenative.network.PrivateZone;
import com.pulumi.azurenative.network.PrivateZoneArgs;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.VirtualNetworkGateway;
import com.pulumi.azurenative.network.VirtualNetworkGatewayArgs;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.azurenative.network.VirtualNetworkPeeringArgs;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.BastionHostIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.DelegationArgs;
import com.pulumi.azurenative.network.inputs.InboundEndpointIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.azurenative.network.inputs.VirtualNetworkGatewayIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.VirtualNetworkGatewaySkuArgs;
import com.pulumi.azurenative.network.inputs.VpnClientConfigurationArgs;
import com.pulumi.azurenative.network.inputs.SkuArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.addressing.SubnetLayout;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.ztplatform.components.network.NetworkResources.nsgRef;

/**
 * The hub of the hub-spoke topology: hub VNet and its fixed subnets, the central private-link DNS zones,
 * and optionally Azure Bastion, a point-to-site VPN gateway with Entra ID authentication, and a DNS Private
 * Resolver. The egress firewall is a separate component that takes this hub's subnets.
 *
 * <pre>{@code
 * var hub = new HubNetwork("hub", HubNetworkArgs.builder()
 *         .resourceGroupName(rg.name())
 *         .location("westeurope")
 *         .naming(new Naming("ztp", "dev"))
 *         .addressSpace("10.10.0.0/22")
 *         .bastion(BastionOptions.of(BastionSku.BASIC))
 *         .build(), null);
 * }</pre>
 */
public class HubNetwork extends ComponentResource implements HubConnection {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:network:HubNetwork";

    private final HubNetworkArgs args;
    private final SubnetLayout layout;
    private final Output<String> resourceGroupName;
    private final VirtualNetwork vnet;
    private final Map<String, Subnet> subnets;
    private final Map<String, PrivateZone> zones;
    private final Optional<InboundEndpoint> resolverInbound;
    private final Optional<VirtualNetworkGateway> gateway;
    /**
     * Last write to the hub VNet, in program order; the next spoke peering waits for it, see {@link #peerWith}.
     * A Pulumi program constructs its resources on one thread, so this needs no lock.
     */
    private Resource lastVnetWrite;

    /**
     * Creates the hub VNet and its subnets, NSGs, private DNS zones and links, and the optional Bastion, VPN gateway
     * and DNS resolver.
     *
     * @param name    the Pulumi resource name, unique in the stack, like hub
     * @param args    the arguments; every problem is reported at once
     * @param options Pulumi options of the component (parent, providers), or null
     * @throws IllegalArgumentException when the arguments have problems, each naming the field and a valid example
     */
    public HubNetwork(String name, HubNetworkArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("HubNetwork", name, args.problems());
        this.args = args;
        this.layout = args.layoutOf(Cidr.parse(args.addressSpace()));
        this.resourceGroupName = args.resourceGroupName();
        var naming = args.naming();
        var common = args.common();
        var tags = common.sortedTags();

        this.vnet = new VirtualNetwork(name + "-vnet", VirtualNetworkArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, "hub", "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(args.addressSpace()).build())
                .tags(tags)
                .build(), stateful(common));
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), common, this);

        var bastionNsg = args.bastion().map(b -> nsg(name + "-bastion-nsg",
                naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "hub", "bastion", "nsg"),
                HubSecurityRules.bastion(), tags));
        var peNsg = nsg(name + "-pe-nsg", naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "hub", "pe", "nsg"),
                HubSecurityRules.privateEndpoints(), tags);

        this.subnets = createSubnets(name, bastionNsg, peNsg);
        this.lastVnetWrite = subnets.isEmpty() ? vnet : List.copyOf(subnets.values()).get(subnets.size() - 1);
        this.zones = createZones(name, tags, common);
        linkVirtualNetwork(name, vnet.id(), this);

        args.bastion().ifPresent(b -> createBastion(name, b, naming, tags, common));
        this.gateway = args.vpn().map(v -> createGateway(name, v, naming, tags));
        gateway.ifPresent(g -> Diagnostics.send(name + "-vpngw-diag", "Microsoft.Network/virtualNetworkGateways", g.id(),
                common, this));
        this.resolverInbound = args.dnsResolver().map(r -> createResolver(name, r, naming, tags));

        if (common.lock()) {
            new ManagementLockByScope(name + "-vnet-lock", ManagementLockByScopeArgs.builder()
                    .scope(vnet.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "hub", "vnet", "lock"))
                    .notes("Protects the hub VNet of the zero-trust platform; remove deliberately.")
                    // Protected like the VNet: otherwise a destroy deletes the lock first (it depends on the
                    // VNet) and the lock never refuses anything.
                    .build(), stateful(common));
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("vnetId", vnet.id());
        outputs.put("vnetName", vnet.name());
        subnets.forEach((subnet, resource) -> outputs.put("subnet:" + subnet, resource.id()));
        zones.forEach((zone, resource) -> outputs.put("zone:" + zone, resource.id()));
        registerOutputs(outputs);
    }

    private Map<String, Subnet> createSubnets(String name, Optional<NetworkSecurityGroup> bastionNsg,
                                              NetworkSecurityGroup peNsg) {
        var created = new LinkedHashMap<String, Subnet>();
        Resource previous = vnet;
        for (var entry : layout.enabled().entrySet()) {
            var subnetName = entry.getKey();
            var builder = SubnetArgs.builder()
                    .resourceGroupName(resourceGroupName)
                    .virtualNetworkName(vnet.name())
                    .subnetName(subnetName)
                    .addressPrefix(entry.getValue().toString());
            switch (subnetName) {
                case HubLayout.BASTION -> bastionNsg.ifPresent(n -> builder.networkSecurityGroup(nsgRef(n)));
                case HubLayout.PRIVATE_ENDPOINTS -> builder
                        .networkSecurityGroup(nsgRef(peNsg))
                        // Enabled so the subnet's NSG (and any route table) applies to private endpoints too.
                        .privateEndpointNetworkPolicies("Enabled")
                        .privateLinkServiceNetworkPolicies("Enabled");
                case HubLayout.DNS_INBOUND, HubLayout.DNS_OUTBOUND -> builder.delegations(DelegationArgs.builder()
                        .name("Microsoft.Network.dnsResolvers")
                        .serviceName("Microsoft.Network/dnsResolvers")
                        .build());
                case HubLayout.FIREWALL -> {
                    // No NSG on AzureFirewallSubnet (Azure refuses one). Egress association from the egress path.
                    args.firewallSubnetNatGatewayId().ifPresent(id -> builder.natGateway(SubResourceArgs.builder().id(id).build()));
                    args.firewallSubnetRouteTableId().ifPresent(id -> builder.routeTable(
                            com.pulumi.azurenative.network.inputs.RouteTableArgs.builder().id(id).build()));
                }
                case HubLayout.GATEWAY -> {
                    // No NSG on GatewaySubnet. Routing VPN clients' traffic to the spokes through the firewall.
                    args.gatewaySubnetRouteTableId().ifPresent(id -> builder.routeTable(
                            com.pulumi.azurenative.network.inputs.RouteTableArgs.builder().id(id).build()));
                }
                default -> {
                    // AzureFirewallManagementSubnet takes no NSG.
                }
            }
            // Azure rejects concurrent writes to subnets of one VNet (AnotherOperationInProgress), so each
            // subnet waits for the previous one.
            var subnet = new Subnet(name + "-snet-" + subnetName, builder.build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(previous).build());
            created.put(subnetName, subnet);
            previous = subnet;
        }
        return Collections.unmodifiableMap(created);
    }

    private NetworkSecurityGroup nsg(String logicalName, String azureName, List<NsgRule> rules,
                                     Map<String, String> tags) {
        var nsg = new NetworkSecurityGroup(logicalName, NetworkSecurityGroupArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .networkSecurityGroupName(azureName)
                .securityRules(rules.stream().map(NsgRule::toArgs).toList())
                .tags(tags)
                .build(), child());
        Diagnostics.send(logicalName + "-diag", "Microsoft.Network/networkSecurityGroups", nsg.id(), args.common(), this);
        return nsg;
    }

    private Map<String, PrivateZone> createZones(String name, Map<String, String> tags, CommonOptions common) {
        var created = new LinkedHashMap<String, PrivateZone>();
        for (var zone : args.privateDnsZones()) {
            created.put(zone, new PrivateZone(name + "-zone-" + zone.replace('.', '-'), PrivateZoneArgs.builder()
                    .resourceGroupName(resourceGroupName)
                    .privateZoneName(zone)
                    .location("Global")
                    .tags(tags)
                    .build(), stateful(common)));
        }
        return Collections.unmodifiableMap(created);
    }

    /**
     * Links a VNet to every private DNS zone of the hub, with auto-registration off (VMs must not register
     * themselves into private-link zones). Spokes call this for their own VNet; the links are parented to
     * the caller so they are replaced and deleted with it.
     *
     * @param linkName logical name prefix, unique per VNet, like {@code "spoke-analytics"}
     * @param vnetId   the VNet to link
     * @param parent   the component the links belong to
     * @return one link per zone
     */
    public List<VirtualNetworkLink> linkVirtualNetwork(String linkName, Output<String> vnetId, Resource parent) {
        return linkVirtualNetwork(linkName, vnetId, parent, Set.of());
    }

    /**
     * Like {@link #linkVirtualNetwork(String, Output, Resource)}, except for the named zones: a VNet that has its own
     * zone of the same name (a Databricks spoke's workspace-side {@code privatelink.azuredatabricks.net}) must not
     * be linked to the hub's, since Azure allows one zone per name per VNet.
     */
    @Override
    public List<VirtualNetworkLink> linkVirtualNetwork(String linkName, Output<String> vnetId, Resource parent,
                                                       Set<String> exceptZones) {
        var links = new ArrayList<VirtualNetworkLink>();
        zones.entrySet().stream().filter(e -> !exceptZones.contains(e.getKey())).forEach(e -> addLink(links, linkName,
                e.getKey(), e.getValue(), vnetId, parent));
        return List.copyOf(links);
    }

    private void addLink(List<VirtualNetworkLink> links, String linkName, String zone, PrivateZone resource,
                         Output<String> vnetId, Resource parent) {
        links.add(new VirtualNetworkLink(
                linkName + "-link-" + zone.replace('.', '-'), VirtualNetworkLinkArgs.builder()
                .resourceGroupName(resourceGroupName)
                .privateZoneName(resource.name())
                .virtualNetworkLinkName(args.naming().name(ResourceKind.VIRTUAL_NETWORK, linkName, "link"))
                .virtualNetwork(SubResourceArgs.builder().id(vnetId).build())
                .registrationEnabled(false)
                .location("Global")
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(parent).build()));
    }

    private void createBastion(String name, BastionOptions options, Naming naming, Map<String, String> tags,
                               CommonOptions common) {
        var ip = publicIp(name + "-bastion-pip", naming.name(ResourceKind.PUBLIC_IP, "hub", "bastion", "pip"),
                List.of(), tags);
        var bastionArgs = BastionHostArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .bastionHostName(naming.name(ResourceKind.BASTION, "hub", "bas"))
                .sku(SkuArgs.builder().name(options.sku().azureName()).build())
                .ipConfigurations(BastionHostIPConfigurationArgs.builder()
                        .name("bastion-ipconfig")
                        .subnet(SubResourceArgs.builder().id(subnets.get(HubLayout.BASTION).id()).build())
                        .publicIPAddress(SubResourceArgs.builder().id(ip.id()).build())
                        .build())
                .disableCopyPaste(!options.copyPaste())
                .enableFileCopy(options.fileCopy())
                .enableTunneling(options.tunneling())
                .enableIpConnect(false)
                .enableShareableLink(false)
                .tags(tags);
        if (options.sku() == BastionSku.STANDARD) {
            bastionArgs.scaleUnits(options.scaleUnits());
        }
        var host = new BastionHost(name + "-bastion", bastionArgs.build(), child());
        Diagnostics.send(name + "-bastion-diag", "Microsoft.Network/bastionHosts", host.id(), common, this);
    }

    private VirtualNetworkGateway createGateway(String name, VpnOptions vpn, Naming naming, Map<String, String> tags) {
        var zones = vpn.zoneRedundant() ? List.of("1", "2", "3") : List.<String>of();
        var ip = publicIp(name + "-vpngw-pip", naming.name(ResourceKind.PUBLIC_IP, "hub", "vpngw", "pip"), zones, tags);
        return new VirtualNetworkGateway(name + "-vpngw", VirtualNetworkGatewayArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .virtualNetworkGatewayName(naming.name(ResourceKind.VPN_GATEWAY, "hub", "vpngw"))
                .gatewayType("Vpn")
                .vpnType("RouteBased")
                .vpnGatewayGeneration(vpn.generation())
                .sku(VirtualNetworkGatewaySkuArgs.builder().name(vpn.sku()).tier(vpn.sku()).build())
                .activeActive(false)
                .enableBgp(false)
                .ipConfigurations(VirtualNetworkGatewayIPConfigurationArgs.builder()
                        .name("vpngw-ipconfig")
                        .privateIPAllocationMethod("Dynamic")
                        .subnet(SubResourceArgs.builder().id(subnets.get(HubLayout.GATEWAY).id()).build())
                        .publicIPAddress(SubResourceArgs.builder().id(ip.id()).build())
                        .build())
                .vpnClientConfiguration(VpnClientConfigurationArgs.builder()
                        .vpnClientAddressPool(AddressSpaceArgs.builder()
                                .addressPrefixes(vpn.clientAddressPool()).build())
                        // Entra ID authentication works only over OpenVPN.
                        .vpnClientProtocols(Either.ofLeft("OpenVPN"))
                        .vpnAuthenticationTypes(Either.ofLeft("AAD"))
                        .aadTenant("https://login.microsoftonline.com/" + vpn.tenantId() + "/")
                        .aadIssuer("https://sts.windows.net/" + vpn.tenantId() + "/")
                        .aadAudience(vpn.audience())
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this)
                // Gateways take 30-45 minutes to create.
                .customTimeouts(com.pulumi.resources.CustomTimeouts.builder()
                        .create(java.time.Duration.ofMinutes(60)).update(java.time.Duration.ofMinutes(60)).build())
                .build());
    }

    private InboundEndpoint createResolver(String name, DnsResolverOptions options, Naming naming,
                                           Map<String, String> tags) {
        var resolver = new DnsResolver(name + "-dnspr", DnsResolverArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .dnsResolverName(naming.name(ResourceKind.DNS_RESOLVER, "hub", "dnspr"))
                .virtualNetwork(SubResourceArgs.builder().id(vnet.id()).build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(subnets.get(HubLayout.DNS_OUTBOUND)).build());
        var inbound = new InboundEndpoint(name + "-dnspr-in", InboundEndpointArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(args.location())
                .dnsResolverName(resolver.name())
                .inboundEndpointName("inbound")
                .ipConfigurations(InboundEndpointIPConfigurationArgs.builder()
                        .privateIpAllocationMethod("Dynamic")
                        .subnet(SubResourceArgs.builder().id(subnets.get(HubLayout.DNS_INBOUND).id()).build())
                        .build())
                .tags(tags)
                .build(), child());
        if (options.outboundEndpoint()) {
            new OutboundEndpoint(name + "-dnspr-out", OutboundEndpointArgs.builder()
                    .resourceGroupName(resourceGroupName)
                    .location(args.location())
                    .dnsResolverName(resolver.name())
                    .outboundEndpointName("outbound")
                    .subnet(SubResourceArgs.builder().id(subnets.get(HubLayout.DNS_OUTBOUND).id()).build())
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(inbound).build());
        }
        return inbound;
    }

    private PublicIPAddress publicIp(String logicalName, String azureName, List<String> zones,
                                     Map<String, String> tags) {
        var ip = NetworkResources.standardPublicIp(logicalName, resourceGroupName, args.location(), azureName, zones,
                tags, child());
        Diagnostics.send(logicalName + "-diag", "Microsoft.Network/publicIPAddresses", ip.id(), args.common(), this);
        return ip;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private CustomResourceOptions stateful(CommonOptions common) {
        return CustomResourceOptions.builder().parent(this).protect(common.protect()).build();
    }

    /**
     * Peers a spoke VNet with the hub, both ways: forwarded traffic allowed (the firewall forwards it), and the
     * hub's VPN gateway used by the spoke when there is one. Both sides wait for the gateway (the hub side offers
     * transit through it, the spoke side uses it); the hub side is created first (it must allow gateway transit
     * before the spoke may use it) and serialised with other writes to the hub VNet.
     *
     * @param name      logical name prefix, like "spoke-analytics"
     * @param spokeName short name used in the peering names, like "analytics"
     * @param after     the spoke's last subnet write (a VNet takes one operation at a time)
     * @return the hub-side and the spoke-side peering
     */
    @Override
    public List<VirtualNetworkPeering> peerWith(String name, String spokeName, Output<String> spokeResourceGroupName,
                                                VirtualNetwork spokeVnet, Resource parent, Resource after) {
        var hubToSpoke = new VirtualNetworkPeering(name + "-hub-to-spoke", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(resourceGroupName)
                .virtualNetworkName(vnet.name())
                .virtualNetworkPeeringName("hub-to-" + spokeName)
                .remoteVirtualNetwork(SubResourceArgs.builder().id(spokeVnet.id()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(hasGateway())
                .useRemoteGateways(false)
                // Offering gateway transit needs the gateway to exist (Azure rejects the peering otherwise), and
                // nothing in the peering's inputs refers to it: wait for it explicitly.
                .build(), afterHubVnetWrites(parent, gateway.map(g -> new Resource[]{after, g}).orElse(new Resource[]{after})));
        lastVnetWrite = hubToSpoke;
        var dependencies = new ArrayList<Resource>(List.of(hubToSpoke, after));
        gateway.ifPresent(dependencies::add);
        var spokeToHub = new VirtualNetworkPeering(name + "-spoke-to-hub", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(spokeResourceGroupName)
                .virtualNetworkName(spokeVnet.name())
                .virtualNetworkPeeringName(spokeName + "-to-hub")
                .remoteVirtualNetwork(SubResourceArgs.builder().id(vnet.id()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(false)
                .useRemoteGateways(hasGateway())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(dependencies).build());
        return List.of(hubToSpoke, spokeToHub);
    }

    /**
     * Options for a resource that writes to the hub VNet from outside (a spoke's hub-side peering): it waits
     * for the previous such write, because Azure rejects concurrent operations on one VNet.
     */
    private CustomResourceOptions afterHubVnetWrites(Resource parent, Resource... alsoAfter) {
        var dependsOn = new ArrayList<Resource>(List.of(alsoAfter));
        dependsOn.add(lastVnetWrite);
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).build();
    }

    // ---- typed outputs ----

    @Override
    public Output<String> vnetId() {
        return vnet.id();
    }

    @Override
    public Output<String> vnetName() {
        return vnet.name();
    }

    @Override
    public Output<String> resourceGroupName() {
        return resourceGroupName;
    }

    /**
     * The hub's region.
     *
     * @return like westeurope
     */
    public String location() {
        return args.location();
    }

    /**
     * The hub VNet's address space.
     *
     * @return the block
     */
    public Cidr addressSpace() {
        return layout.addressSpace();
    }

    @Override
    public Optional<Cidr> plannedAddressSpace() {
        return Optional.of(layout.addressSpace());
    }

    @Override
    public Optional<Cidr> bastionSubnet() {
        return layout.enabled().containsKey(HubLayout.BASTION) ? Optional.of(layout.cidr(HubLayout.BASTION))
                : Optional.empty();
    }

    /**
     * The planned subnet prefixes, known before deployment (enabled subnets only).
     *
     * @return every subnet's block
     */
    public SubnetLayout layout() {
        return layout;
    }

    /**
     * Subnet ids by subnet name (see {@link HubLayout} for the names).
     *
     * @return subnet name to ARM id
     */
    public Map<String, Output<String>> subnetIds() {
        var ids = new LinkedHashMap<String, Output<String>>();
        subnets.forEach((n, s) -> ids.put(n, s.id()));
        return Collections.unmodifiableMap(ids);
    }

    /**
     * AzureFirewallSubnet.
     *
     * @return its ARM id
     */
    public Output<String> firewallSubnetId() {
        return subnets.get(HubLayout.FIREWALL).id();
    }

    /**
     * AzureFirewallManagementSubnet, when the hub has one.
     *
     * @return its ARM id, or empty
     */
    public Optional<Output<String>> firewallManagementSubnetId() {
        return Optional.ofNullable(subnets.get(HubLayout.FIREWALL_MANAGEMENT)).map(Subnet::id);
    }

    @Override
    public Output<String> privateEndpointSubnetId() {
        return subnets.get(HubLayout.PRIVATE_ENDPOINTS).id();
    }

    /**
     * Private DNS zone ids by zone name.
     *
     * @return zone name to ARM id
     */
    public Map<String, Output<String>> privateDnsZoneIds() {
        var ids = new LinkedHashMap<String, Output<String>>();
        zones.forEach((n, z) -> ids.put(n, z.id()));
        return Collections.unmodifiableMap(ids);
    }

    @Override
    public List<String> privateDnsZones() {
        return List.copyOf(zones.keySet());
    }

    @Override
    public Output<String> privateDnsZoneId(String zone) {
        var resource = zones.get(zone);
        if (resource == null) {
            throw new IllegalArgumentException("hub has no private DNS zone '" + zone + "'; add it to "
                    + "HubNetworkArgs.privateDnsZones (there are: " + String.join(", ", zones.keySet()) + ")");
        }
        return resource.id();
    }

    /**
     * The firewall subnet's prefix; Azure Firewall gets its fourth address.
     *
     * @return the block
     */
    public Cidr firewallSubnetPrefix() {
        return layout.cidr(HubLayout.FIREWALL);
    }

    /**
     * Whether the hub has AzureFirewallManagementSubnet (forced tunnelling or the Basic SKU need it).
     *
     * @return true when it has
     */
    public boolean hasFirewallManagementSubnet() {
        return subnets.containsKey(HubLayout.FIREWALL_MANAGEMENT);
    }

    /**
     * True when AzureFirewallSubnet is associated with a NAT gateway.
     *
     * @return whether egress leaves through the NAT gateway
     */
    public boolean firewallSubnetHasNatGateway() {
        return args.firewallSubnetNatGatewayId().isPresent();
    }

    /**
     * True when AzureFirewallSubnet has a forced-tunnel route table.
     *
     * @return whether egress is forced to an upstream next hop
     */
    public boolean firewallSubnetHasRouteTable() {
        return args.firewallSubnetRouteTableId().isPresent();
    }

    /**
     * True when the hub has a VPN gateway, so spoke peerings should use remote gateways.
     *
     * @return whether there is a gateway
     */
    public boolean hasGateway() {
        return gateway.isPresent();
    }

    /**
     * The resolver's inbound endpoint IP, for on-premises or VPN clients to forward private-link queries to.
     *
     * @return the IP, or empty without a resolver
     */
    public Optional<Output<String>> dnsResolverInboundIp() {
        return resolverInbound.map(e -> e.ipConfigurations().applyValue(
                configs -> configs.isEmpty() ? "" : configs.get(0).privateIpAddress().orElse("")));
    }
}
