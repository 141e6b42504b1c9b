package com.ztplatform.components.network;

import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.SubnetCarver;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.addressing.SubnetSlot;

import java.util.List;

/**
 * The hub's subnet layout.
 *
 * <p>Slots are allocated in a fixed order whether or not their feature is on, so enabling Bastion, the VPN
 * gateway or the resolver later never moves an existing subnet (which Azure would only allow by replacing
 * everything inside it). Largest slots come first so alignment wastes no space.
 */
public final class HubLayout {
    /** Name fixed by Azure; at least /26. */
    public static final String FIREWALL = "AzureFirewallSubnet";
    /** Name fixed by Azure; at least /26. Needed for forced tunnelling and by the Basic SKU. */
    public static final String FIREWALL_MANAGEMENT = "AzureFirewallManagementSubnet";
    /** Name fixed by Azure; at least /26 for Basic and Standard. */
    public static final String BASTION = "AzureBastionSubnet";
    /** Name fixed by Azure; /27 is the smallest size Microsoft recommends. */
    public static final String GATEWAY = "GatewaySubnet";
    /** Name of the hub's private-endpoint subnet (DNS-zone-linked endpoints of the platform's shared services). */
    public static final String PRIVATE_ENDPOINTS = "snet-private-endpoints";
    /** Delegated to Microsoft.Network/dnsResolvers; /28 is the smallest Azure accepts. */
    public static final String DNS_INBOUND = "snet-dns-inbound";
    /**
     * Name of the resolver's outbound endpoint subnet, delegated to Microsoft.Network/dnsResolvers; /28, always
     * reserved.
     */
    public static final String DNS_OUTBOUND = "snet-dns-outbound";

    /** Default prefix length of the private-endpoint subnet: /26, 59 usable addresses. */
    public static final int DEFAULT_PRIVATE_ENDPOINT_PREFIX = 26;

    private HubLayout() {
    }

    /**
     * The ordered slots; which are enabled follows the hub's optional features.
     *
     * @param privateEndpointPrefix prefix length of the private-endpoint subnet, like 26
     * @param firewallManagement    whether AzureFirewallManagementSubnet is enabled
     * @param bastion               whether AzureBastionSubnet is enabled
     * @param vpnGateway            whether GatewaySubnet is enabled
     * @param dnsResolver           whether the resolver's subnets are enabled
     * @return the slots in carving order, disabled ones included (their space stays reserved)
     */
    public static List<SubnetSlot> slots(int privateEndpointPrefix, boolean firewallManagement, boolean bastion,
                                         boolean vpnGateway, boolean dnsResolver) {
        return List.of(
                new SubnetSlot(FIREWALL, 26, true, null),
                new SubnetSlot(FIREWALL_MANAGEMENT, 26, firewallManagement, null),
                new SubnetSlot(BASTION, 26, bastion, null),
                new SubnetSlot(PRIVATE_ENDPOINTS, privateEndpointPrefix, true, null),
                new SubnetSlot(GATEWAY, 27, vpnGateway, null),
                new SubnetSlot(DNS_INBOUND, 28, dnsResolver, null),
                new SubnetSlot(DNS_OUTBOUND, 28, dnsResolver, null));
    }

    /**
     * Carves the hub's address space into its subnets, in the fixed slot order, so a feature turned on later does not
     * move any other subnet.
     *
     * @param addressSpace          the hub VNet's CIDR, like 10.100.0.0/22
     * @param privateEndpointPrefix prefix length of the private-endpoint subnet
     * @param firewallManagement    whether AzureFirewallManagementSubnet is enabled
     * @param bastion               whether AzureBastionSubnet is enabled
     * @param vpnGateway            whether GatewaySubnet is enabled
     * @param dnsResolver           whether the resolver's subnets are enabled
     * @return the layout
     */
    public static SubnetLayout carve(Cidr addressSpace, int privateEndpointPrefix, boolean firewallManagement,
                                     boolean bastion, boolean vpnGateway, boolean dnsResolver) {
        return SubnetCarver.carve(addressSpace,
                slots(privateEndpointPrefix, firewallManagement, bastion, vpnGateway, dnsResolver));
    }

    /**
     * The private IP Azure Firewall takes in this layout: Azure reserves the first four addresses of every subnet,
     * so the firewall's is the fourth (known before deployment, which is what lets routes point at it).
     *
     * @param layout the hub's layout
     * @return the address, like 10.100.0.4 when AzureFirewallSubnet is 10.100.0.0/26
     */
    public static String firewallPrivateIp(SubnetLayout layout) {
        return layout.cidr(FIREWALL).address(4);
    }
}
