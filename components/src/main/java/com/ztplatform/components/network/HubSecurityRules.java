package com.ztplatform.components.network;

import java.util.List;

/** NSG rule sets for the hub's subnets that may carry an NSG. */
public final class HubSecurityRules {
    private HubSecurityRules() {
    }

    /**
     * The rules Azure Bastion (Basic/Standard) requires on AzureBastionSubnet; Bastion refuses to deploy with
     * an NSG that lacks any of them (learn.microsoft.com/azure/bastion/bastion-nsg). The inbound 443 from
     * Internet is Bastion's public front door (Entra-authenticated); everything else inbound is denied.
     *
     * @return the rules for the AzureBastionSubnet NSG
     */
    public static List<NsgRule> bastion() {
        return List.of(
                NsgRule.allowIn("AllowHttpsInbound", 120, "Tcp", "Internet", "*", List.of("443"),
                        "Bastion front door: users reach Bastion over TLS"),
                NsgRule.allowIn("AllowGatewayManagerInbound", 130, "Tcp", "GatewayManager", "*", List.of("443"),
                        "Azure control plane manages the Bastion hosts"),
                NsgRule.allowIn("AllowAzureLoadBalancerInbound", 140, "Tcp", "AzureLoadBalancer", "*", List.of("443"),
                        "Health probes"),
                NsgRule.allowIn("AllowBastionHostCommunication", 150, "*", "VirtualNetwork", "VirtualNetwork",
                        List.of("8080", "5701"), "Bastion data-plane communication between instances"),
                NsgRule.denyIn("DenyAllInbound", 4096, "Nothing else reaches the Bastion subnet"),
                NsgRule.allowOut("AllowSshRdpOutbound", 100, "*", "*", "VirtualNetwork", List.of("22", "3389"),
                        "Sessions to private VMs"),
                NsgRule.allowOut("AllowAzureCloudOutbound", 110, "Tcp", "*", "AzureCloud", List.of("443"),
                        "Diagnostics and metering endpoints"),
                NsgRule.allowOut("AllowBastionCommunication", 120, "*", "VirtualNetwork", "VirtualNetwork",
                        List.of("8080", "5701"), "Bastion data-plane communication between instances"),
                NsgRule.allowOut("AllowHttpOutbound", 130, "*", "*", "Internet", List.of("80"),
                        "Session and certificate validation, required by Bastion"));
    }

    /**
     * Private endpoints in the hub are reached over TLS from inside the private network (spokes through
     * peering, VPN clients through the gateway: both count as VirtualNetwork); nothing else gets in.
     * Network policies are enabled on the subnet so these rules apply to the endpoints.
     *
     * @return the rules for the private-endpoint subnet's NSG
     */
    public static List<NsgRule> privateEndpoints() {
        return List.of(
                NsgRule.allowIn("AllowVirtualNetworkHttpsInbound", 100, "Tcp", "VirtualNetwork", "VirtualNetwork",
                        List.of("443"), "Clients in the private network reach private endpoints over TLS"),
                NsgRule.denyIn("DenyAllInbound", 4096, "Nothing else reaches the private endpoints"));
    }
}
