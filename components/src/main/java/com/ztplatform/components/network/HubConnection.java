package com.ztplatform.components.network;

import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ztplatform.components.addressing.Cidr;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a spoke or a private endpoint needs from a hub: the VNet to peer with, the subnet for transit private
 * endpoints, and the private DNS zones by name. Implemented by {@link HubNetwork} in the platform's own program and
 * by {@code com.ztplatform.components.contract.PlatformStackReference} in another team's program, so the same
 * components ({@code DatabricksSpoke}, {@code PrivateEndpointSet}) can join the platform from either.
 *
 * <p>The two operations create resources in the caller's program. The hub side of a peering is written into the
 * hub's VNet: from another stack that needs the right to create peerings on it (the platform team grants it to the
 * consumer's deployment identity), and it cannot be ordered after the platform's own writes to that VNet (Azure may
 * answer {@code AnotherOperationInProgress}; running the deployment again succeeds).
 */
public interface HubConnection {

    /**
     * The hub VNet's resource id: the remote VNet of a spoke's peering.
     *
     * @return the ARM id
     */
    Output<String> vnetId();

    /**
     * The hub VNet's name, which the hub side of a peering is created under.
     *
     * @return the name
     */
    Output<String> vnetName();

    /**
     * The hub's resource group (where its VNet and private DNS zones live).
     *
     * @return the resource group name
     */
    Output<String> resourceGroupName();

    /**
     * The hub subnet for transit private endpoints (front-end, web-auth, shared services).
     *
     * @return the subnet's ARM id
     */
    Output<String> privateEndpointSubnetId();

    /**
     * The names of the hub's private DNS zones this program knows of, like privatelink.blob.core.windows.net.
     *
     * @return the zone names
     */
    List<String> privateDnsZones();

    /**
     * One private DNS zone's id, like {@code privateDnsZoneId("privatelink.blob.core.windows.net")}; fails naming the
     * zones there are.
     *
     * @param zone one of {@link #privateDnsZones()}
     * @return the zone's ARM id
     */
    Output<String> privateDnsZoneId(String zone);

    /**
     * The hub's address space when this program planned it, so a spoke can refuse an overlap before deployment.
     * Default: empty (a hub in another stack: Azure refuses an overlapping peering at deployment).
     *
     * @return the planned address space, or empty
     */
    default Optional<Cidr> plannedAddressSpace() {
        return Optional.empty();
    }

    /**
     * The hub's Azure Bastion subnet when this program planned one, so a VM that is administered through Bastion
     * admits SSH from that subnet alone. Default: empty (no Bastion known here: such a VM admits no SSH at all).
     *
     * @return the Bastion subnet, or empty
     */
    default Optional<Cidr> bastionSubnet() {
        return Optional.empty();
    }

    /**
     * Peers a spoke VNet with the hub, both ways, with forwarded traffic allowed (the firewall forwards it).
     *
     * @param name      logical name prefix, like "spoke-analytics"
     * @param spokeName short name used in the peering names, like "analytics"
     * @param spokeResourceGroupName the spoke VNet's resource group
     * @param spokeVnet the spoke VNet
     * @param parent    the component the peerings belong to
     * @param after     the spoke's last write to its own VNet (a VNet takes one operation at a time)
     * @return the hub-side and the spoke-side peering
     */
    List<VirtualNetworkPeering> peerWith(String name, String spokeName, Output<String> spokeResourceGroupName,
                                         VirtualNetwork spokeVnet, Resource parent, Resource after);

    /**
     * Links a VNet to the hub's private DNS zones ({@link #privateDnsZones()}) except {@code exceptZones}, with
     * auto-registration off; the links are parented to {@code parent}.
     *
     * @param linkName    logical name prefix, unique per VNet, like "spoke-analytics"
     * @param vnetId      the VNet to link
     * @param parent      the component the links belong to
     * @param exceptZones zones the VNet resolves through its own zone instead (a workspace's own zone)
     * @return one link per zone
     */
    List<VirtualNetworkLink> linkVirtualNetwork(String linkName, Output<String> vnetId, Resource parent,
                                                Set<String> exceptZones);
}
