package com.ztplatform.components.network;

import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressSkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/** Network resources and references that several components build the same way. */
public final class NetworkResources {
    private NetworkResources() {
    }

    /**
     * A Standard, regional, static IPv4 public IP: the only kind Bastion, the VPN gateway, Azure Firewall and
     * the NAT gateway accept, so every public IP of the platform looks alike.
     *
     * @param zones availability zones, empty to leave the property unset (Azure then picks none)
     * @param logicalName       the Pulumi resource name
     * @param resourceGroupName the resource group
     * @param location          Azure region, like westeurope
     * @param azureName         the public IP's name in Azure
     * @param tags              tags to set
     * @param options           Pulumi options (parent, protect)
     * @return the public IP
     */
    public static PublicIPAddress standardPublicIp(String logicalName, Output<String> resourceGroupName,
                                                   String location, String azureName, List<String> zones,
                                                   Map<String, String> tags, CustomResourceOptions options) {
        var builder = PublicIPAddressArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(location)
                .publicIpAddressName(azureName)
                .sku(PublicIPAddressSkuArgs.builder().name("Standard").tier("Regional").build())
                .publicIPAllocationMethod("Static")
                .publicIPAddressVersion("IPv4")
                .tags(tags);
        if (!zones.isEmpty()) {
            builder.zones(zones);
        }
        return new PublicIPAddress(logicalName, builder.build(), options);
    }

    /**
     * A reference to an NSG, for associating it with a subnet.
     *
     * @param nsg the network security group
     * @return arguments naming the NSG by id, for a subnet's {@code networkSecurityGroup}
     */
    public static com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs nsgRef(NetworkSecurityGroup nsg) {
        return com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder().id(nsg.id()).build();
    }
}
