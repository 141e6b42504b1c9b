package com.ztplatform.components.contract.example;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.RouteTable;
import com.pulumi.azurenative.network.RouteTableArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.azurenative.network.VirtualNetworkPeeringArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.RouteArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.contract.PlatformStackReference;
import com.ztplatform.components.contract.SpokeOutputs;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import java.util.List;

/**
 * What another team writes to build on the platform: its own VNet, peered with the platform hub, whose
 * subnet sends all outbound traffic to the platform firewall and resolves Databricks Private Link names
 * through the hub's private DNS zone. Everything it needs from the platform comes through
 * {@link PlatformStackReference}, typed and checked against the output contract.
 *
 * <p>It also adds a private endpoint to the platform with the platform's own component: its storage account's blob
 * endpoint sits in this team's subnet and registers in the hub's {@code privatelink.blob.core.windows.net} zone, so
 * every VNet linked to the hub (the Databricks spokes included) resolves it privately. The reference is the
 * {@code HubConnection} the component takes. What it cannot do: open the platform firewall for this VNet; its
 * subnet's egress is denied until the platform stack admits it in its own plan (see {@code EgressNextHop}).
 */
public final class ConsumerProgram {
    public static final String DEFAULT_PLATFORM_STACK = "org/zt-databricks/prod";
    public static final String DATABRICKS_ZONE = "privatelink.azuredatabricks.net";
    public static final String STORAGE_ACCOUNT = "salesprodst";

    private ConsumerProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(ConsumerProgram::define);
    }

    public static void define(Context ctx) {
        var platform = new PlatformStackReference("platform",
                ctx.config().get("platformStack").orElse(DEFAULT_PLATFORM_STACK));
        var location = platform.location();

        var rg = new ResourceGroup("sales-rg", ResourceGroupArgs.builder()
                .resourceGroupName("sales-prod-rg")
                .location(location)
                .build());

        // All outbound traffic goes to the platform firewall; no gateway-learned route may bypass it.
        var routes = new RouteTable("sales-rt", RouteTableArgs.builder()
                .resourceGroupName(rg.name())
                .location(location)
                .routeTableName("sales-prod-via-fw-rt")
                .disableBgpRoutePropagation(true)
                .routes(RouteArgs.builder()
                        .name("default-via-platform-firewall")
                        .addressPrefix("0.0.0.0/0")
                        .nextHopType("VirtualAppliance")
                        .nextHopIpAddress(platform.privateIp())
                        .build())
                .build());
        var nsg = new NetworkSecurityGroup("sales-nsg", NetworkSecurityGroupArgs.builder()
                .resourceGroupName(rg.name())
                .location(location)
                .networkSecurityGroupName("sales-prod-app-nsg")
                .build());

        var vnet = new VirtualNetwork("sales-vnet", VirtualNetworkArgs.builder()
                .resourceGroupName(rg.name())
                .location(location)
                .virtualNetworkName("sales-prod-vnet")
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes("10.60.0.0/24").build())
                .build());
        var appSubnet = new Subnet("sales-snet-app", SubnetArgs.builder()
                .resourceGroupName(rg.name())
                .virtualNetworkName(vnet.name())
                .subnetName("snet-app")
                .addressPrefix("10.60.0.0/26")
                .routeTable(com.pulumi.azurenative.network.inputs.RouteTableArgs.builder().id(routes.id()).build())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                .build());

        var endpointSubnet = new Subnet("sales-snet-pe", SubnetArgs.builder()
                .resourceGroupName(rg.name())
                .virtualNetworkName(vnet.name())
                .subnetName("snet-private-endpoints")
                .addressPrefix("10.60.0.64/27")
                .privateEndpointNetworkPolicies("Enabled")
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                .build(), CustomResourceOptions.builder().dependsOn(appSubnet).build());
        // A private-only account: no public network access, no shared keys, Entra ID only.
        var account = new StorageAccount("sales-st", StorageAccountArgs.builder()
                .resourceGroupName(rg.name())
                .location(location)
                .accountName(STORAGE_ACCOUNT)
                .kind("StorageV2")
                .sku(SkuArgs.builder().name("Standard_ZRS").build())
                .publicNetworkAccess("Disabled")
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .minimumTlsVersion("TLS1_2")
                .enableHttpsTrafficOnly(true)
                .build());
        var endpoints = new PrivateEndpointSet("sales-st-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg.name())
                .location(location)
                .naming(new Naming("sales", "prod"))
                .targetName("st")
                .targetType(PrivateLinkTarget.STORAGE_ACCOUNT)
                .targetId(account.id())
                .endpoints(List.of(EndpointSpec.registeredIn(platform, "blob", PrivateLinkTarget.STORAGE_ACCOUNT, "blob",
                        endpointSubnet.id())))
                .build(), null);

        // Peering both ways. The hub side lives in the platform's hub resource group: the platform team grants
        // this team's deployment identity the right to create peerings on the hub VNet (and nothing else).
        var toHub = new VirtualNetworkPeering("sales-to-hub", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(rg.name())
                .virtualNetworkName(vnet.name())
                .virtualNetworkPeeringName("sales-prod-to-hub")
                .remoteVirtualNetwork(SubResourceArgs.builder().id(platform.hubVnetId()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .useRemoteGateways(false)
                .build());
        new VirtualNetworkPeering("hub-to-sales", VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(platform.hubResourceGroupName())
                .virtualNetworkName(platform.hubVnetName())
                .virtualNetworkPeeringName("hub-to-sales-prod")
                .remoteVirtualNetwork(SubResourceArgs.builder().id(vnet.id()).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(false)
                .build(), CustomResourceOptions.builder().dependsOn(toHub).build());

        // Resolve the workspaces' Private Link names: link this VNet to the hub's Databricks zone.
        var zoneId = platform.privateDnsZoneId(DATABRICKS_ZONE);
        new VirtualNetworkLink("sales-link-databricks", VirtualNetworkLinkArgs.builder()
                .resourceGroupName(zoneId.applyValue(id -> segmentAfter(id, "resourceGroups")))
                .privateZoneName(zoneId.applyValue(id -> segmentAfter(id, "privateDnsZones")))
                .virtualNetworkLinkName("sales-prod-vnet-link")
                .virtualNetwork(SubResourceArgs.builder().id(vnet.id()).build())
                .registrationEnabled(false)
                .location("Global")
                .build());

        ctx.export("vnetId", vnet.id());
        ctx.export("storageBlobPrivateIp", endpoints.privateIps().get("blob"));
        ctx.export("egressIps", platform.egressIps());
        ctx.export("analyticsWorkspaceUrl", platform.spoke("analytics").applyValue(SpokeOutputs::workspaceUrl));
    }

    /** The segment after {@code key} in an ARM id ({@code resourceGroups} gives the resource group name). */
    static String segmentAfter(String armId, String key) {
        var parts = List.of(armId.split("/"));
        for (int i = 0; i + 1 < parts.size(); i++) {
            if (parts.get(i).equalsIgnoreCase(key)) {
                return parts.get(i + 1);
            }
        }
        throw new IllegalArgumentException("'" + armId + "' has no " + key + " segment");
    }
}
