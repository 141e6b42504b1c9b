package com.ztplatform.components.serverless;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.compute.DiskEncryptionSet;
import com.pulumi.azurenative.compute.DiskEncryptionSetArgs;
import com.pulumi.azurenative.compute.enums.DiskEncryptionSetIdentityType;
import com.pulumi.azurenative.compute.enums.DiskEncryptionSetType;
import com.pulumi.azurenative.compute.enums.SecurityTypes;
import com.pulumi.azurenative.compute.inputs.DiskEncryptionSetParametersArgs;
import com.pulumi.azurenative.compute.inputs.EncryptionSetIdentityArgs;
import com.pulumi.azurenative.compute.inputs.KeyForDiskEncryptionSetArgs;
import com.pulumi.azurenative.compute.inputs.SecurityProfileArgs;
import com.pulumi.azurenative.compute.inputs.SourceVaultArgs;
import com.pulumi.azurenative.compute.inputs.UefiSettingsArgs;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.keyvault.RoleDefinitions;
import com.pulumi.azurenative.compute.VirtualMachine;
import com.pulumi.azurenative.compute.VirtualMachineArgs;
import com.pulumi.azurenative.compute.inputs.BootDiagnosticsArgs;
import com.pulumi.azurenative.compute.inputs.DiagnosticsProfileArgs;
import com.pulumi.azurenative.compute.inputs.HardwareProfileArgs;
import com.pulumi.azurenative.compute.inputs.ImageReferenceArgs;
import com.pulumi.azurenative.compute.inputs.LinuxConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.ManagedDiskParametersArgs;
import com.pulumi.azurenative.compute.inputs.NetworkInterfaceReferenceArgs;
import com.pulumi.azurenative.compute.inputs.NetworkProfileArgs;
import com.pulumi.azurenative.compute.inputs.OSDiskArgs;
import com.pulumi.azurenative.compute.inputs.OSProfileArgs;
import com.pulumi.azurenative.compute.inputs.SshConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.SshPublicKeyArgs;
import com.pulumi.azurenative.compute.inputs.StorageProfileArgs;
import com.pulumi.azurenative.network.LoadBalancer;
import com.pulumi.azurenative.network.LoadBalancerArgs;
import com.pulumi.azurenative.network.NetworkInterface;
import com.pulumi.azurenative.network.NetworkInterfaceArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.PrivateLinkService;
import com.pulumi.azurenative.network.PrivateLinkServiceArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.BackendAddressPoolArgs;
import com.pulumi.azurenative.network.inputs.FrontendIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancerSkuArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancingRuleArgs;
import com.pulumi.azurenative.network.inputs.NetworkInterfaceIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServiceIpConfigurationArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServicePropertiesAutoApprovalArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServicePropertiesVisibilityArgs;
import com.pulumi.azurenative.network.inputs.ProbeArgs;
import com.pulumi.azurenative.network.inputs.RouteTableArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.network.NsgRule;

import javax.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Serverless compute reaching customer resources behind the firewall (the pattern of seed 001): an internal
 * Standard Load Balancer with a health probe, a Private Link Service on it that the Databricks NCC connects to,
 * and a small Linux router VM (IP forwarding, NAT rules and a health responder from cloud-init, no public IP,
 * SSH only from the hub's Bastion subnet) whose subnet routes everything through the firewall. Each forward
 * becomes a firewall rule, so the firewall still decides: the stack puts {@link #egressSources} and
 * {@link #firewallContribution} into the firewall's {@link EgressPlan} before either component exists.
 */
public class ServerlessRouter extends ComponentResource {
    /** The ARM id of the component's own VNet (flow logs target it). */
    private Output<String> vnetId;
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:serverless:ServerlessRouter";
    /** The router subnet's name. */
    public static final String SUBNET = "snet-router";

    /**
     * The router's subnet: the first /27 of its address space.
     *
     * @param addressSpace the router VNet, like 10.110.0.0/27
     * @return the subnet's block
     */
    public static Cidr subnet(String addressSpace) {
        return Cidr.parse(addressSpace).split(27).get(0);
    }

    /**
     * The router's subnet as a firewall source group of its own, with only {@link #firewallContribution} as rules, so
     * the firewall still allows or denies every connection and the router gets nothing else.
     *
     * @param addressSpace the router VNet, like 10.110.0.0/27
     * @return the source group for the firewall's plan
     */
    public static EgressPlan.Sources egressSources(String addressSpace) {
        return new EgressPlan.Sources(SourceGroups.SERVERLESS_ROUTER, "serverless-router",
                List.of(subnet(addressSpace).toString()));
    }

    /**
     * One network rule per forward, from the router's source group to the forward's destination and port.
     *
     * @param forwards the forwards
     * @return the rule collection for the firewall's plan
     */
    public static RuleContribution firewallContribution(List<RouterForward> forwards) {
        return new RuleContribution("serverless-router", List.of(new RuleCollection("forwards", 100,
                forwards.stream().<FirewallRule>map(f -> new FirewallRule.NetworkRule("to-" + f.destination().replace('.', '-')
                        + "-" + f.port(), List.of(SourceGroups.SERVERLESS_ROUTER), List.of(f.destination() + "/32"), List.of(),
                        List.of(), List.of(String.valueOf(f.port())), List.of("TCP"),
                        "Serverless compute to " + String.join(", ", f.domainNames()) + " through the router")).toList())));
    }

    private final PrivateLinkService privateLinkService;
    private final List<RouterForward> forwards;

    /**
     * Creates the router VNet, its VM behind a load balancer, and the Private Link Service serverless compute
     * connects to.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public ServerlessRouter(String name, ServerlessRouterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("ServerlessRouter", name, args.problems());
        this.forwards = args.forwards();
        var naming = args.naming();
        var rg = args.resourceGroupName();
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).build();
        var subnetCidr = subnet(args.addressSpace());

        var vnetArgs = VirtualNetworkArgs.builder().resourceGroupName(rg).location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, "router", "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(args.addressSpace()).build())
                .tags(tags);
        args.egress().dnsServers().ifPresent(servers -> vnetArgs.dhcpOptions(
                com.pulumi.azurenative.network.inputs.DhcpOptionsArgs.builder().dnsServers(servers).build()));
        var vnet = new VirtualNetwork(name + "-vnet", vnetArgs.build(), child);
        this.vnetId = vnet.id();
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), args.common(), this);

        var rules = new ArrayList<NsgRule>();
        rules.add(NsgRule.allowIn("AllowForwardedPorts", 100, "Tcp", "VirtualNetwork", "*",
                forwards.stream().map(f -> String.valueOf(f.port())).toList(),
                "Connections arriving through the Private Link Service (its NAT addresses are in this subnet)"));
        rules.add(NsgRule.allowIn("AllowLoadBalancerProbe", 110, "Tcp", "AzureLoadBalancer", "*",
                List.of(String.valueOf(RouterCloudInit.HEALTH_PORT)), "Load balancer health probe"));
        args.hub().bastionSubnet().ifPresent(bastion -> rules.add(NsgRule.allowIn("AllowSshFromBastion", 120, "Tcp",
                bastion.toString(), "*", List.of("22"), "Administration only through Azure Bastion")));
        rules.add(NsgRule.denyIn("DenyAllInbound", 4096, "Nothing else reaches the router"));
        var nsg = new NetworkSecurityGroup(name + "-nsg", NetworkSecurityGroupArgs.builder().resourceGroupName(rg)
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "router", "nsg"))
                .securityRules(rules.stream().map(NsgRule::toArgs).toList())
                .tags(tags).build(), child);
        Diagnostics.send(name + "-nsg-diag", "Microsoft.Network/networkSecurityGroups", nsg.id(), args.common(), this);
        var subnet = new Subnet(name + "-snet", SubnetArgs.builder().resourceGroupName(rg).virtualNetworkName(vnet.name())
                .subnetName(SUBNET).addressPrefix(subnetCidr.toString())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder().id(nsg.id()).build())
                .routeTable(RouteTableArgs.builder().id(args.egress().routeTableId()).build())
                // A Private Link Service needs its network policies off on the subnet that holds its NAT addresses.
                .privateLinkServiceNetworkPolicies("Disabled")
                .privateEndpointNetworkPolicies("Enabled")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(vnet).build());
        args.hub().peerWith(name, "router", rg, vnet, this, subnet);


        var lbName = naming.name(ResourceKind.LOAD_BALANCER, "router", "lbi");
        var lbId = AuthorizationFunctions.getClientConfig().applyValue(c -> c.subscriptionId()).apply(sub -> rg.applyValue(r ->
                "/subscriptions/" + sub + "/resourceGroups/" + r + "/providers/Microsoft.Network/loadBalancers/" + lbName));
        var frontendId = lbId.applyValue(id -> id + "/frontendIPConfigurations/frontend");
        var poolId = lbId.applyValue(id -> id + "/backendAddressPools/routers");
        var probeId = lbId.applyValue(id -> id + "/probes/health");
        var lb = new LoadBalancer(name + "-lb", LoadBalancerArgs.builder().resourceGroupName(rg).location(args.location())
                .loadBalancerName(lbName)
                .sku(LoadBalancerSkuArgs.builder().name("Standard").tier("Regional").build())
                .frontendIPConfigurations(FrontendIPConfigurationArgs.builder().name("frontend")
                        .subnet(com.pulumi.azurenative.network.inputs.SubnetArgs.builder().id(subnet.id()).build())
                        .privateIPAllocationMethod("Dynamic").build())
                .backendAddressPools(BackendAddressPoolArgs.builder().name("routers").build())
                .probes(ProbeArgs.builder().name("health").protocol("Http").port(RouterCloudInit.HEALTH_PORT)
                        .requestPath("/health").intervalInSeconds(5).numberOfProbes(2).build())
                // HA ports: every TCP/UDP port to the router, which forwards only what its rules allow.
                .loadBalancingRules(LoadBalancingRuleArgs.builder().name("ha-ports").protocol("All")
                        .frontendPort(0).backendPort(0).enableFloatingIP(false).idleTimeoutInMinutes(15)
                        .frontendIPConfiguration(SubResourceArgs.builder().id(frontendId).build())
                        .backendAddressPool(SubResourceArgs.builder().id(poolId).build())
                        .probe(SubResourceArgs.builder().id(probeId).build()).build())
                .tags(tags).build(), child);
        Diagnostics.send(name + "-lb-diag", "Microsoft.Network/loadBalancers", lb.id(), args.common(), this);

        var nic = new NetworkInterface(name + "-nic", NetworkInterfaceArgs.builder().resourceGroupName(rg)
                .location(args.location())
                .networkInterfaceName(naming.name(ResourceKind.NETWORK_INTERFACE, "router", "vm", "nic"))
                .enableIPForwarding(true)
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder().id(nsg.id()).build())
                .ipConfigurations(NetworkInterfaceIPConfigurationArgs.builder().name("ipconfig").primary(true)
                        .privateIPAllocationMethod("Dynamic")
                        .subnet(com.pulumi.azurenative.network.inputs.SubnetArgs.builder().id(subnet.id()).build())
                        .loadBalancerBackendAddressPools(com.pulumi.azurenative.network.inputs.BackendAddressPoolArgs
                                .builder().id(poolId).build())
                        .build())
                .tags(tags).build(), CustomResourceOptions.builder().parent(this).dependsOn(lb).build());

        var computerName = naming.name(ResourceKind.VIRTUAL_MACHINE, "router", "vm");
        // The OS disk under the platform's key: a disk encryption set whose identity may use that key only
        // (learn.microsoft.com/azure/virtual-machines/disk-encryption); the set follows the key's rotations.
        var vmAfter = new ArrayList<Resource>();
        var osManagedDisk = ManagedDiskParametersArgs.builder().storageAccountType("Premium_LRS");
        args.osDiskKey().ifPresent(key -> {
            var des = new DiskEncryptionSet(name + "-des", DiskEncryptionSetArgs.builder().resourceGroupName(rg)
                    .location(args.location())
                    .diskEncryptionSetName(naming.name(ResourceKind.DISK_ENCRYPTION_SET, "router", "des"))
                    .encryptionType(DiskEncryptionSetType.EncryptionAtRestWithCustomerKey)
                    .identity(EncryptionSetIdentityArgs.builder().type(DiskEncryptionSetIdentityType.SystemAssigned).build())
                    .activeKey(KeyForDiskEncryptionSetArgs.builder().keyUrl(key.keyUrl())
                            .sourceVault(SourceVaultArgs.builder().id(key.vaultId()).build()).build())
                    .rotationToLatestKeyVersionEnabled(true)
                    .tags(tags).build(), child);
            // Azure checks the set's access to the key when the first disk uses it: the grant comes first.
            vmAfter.add(RoleGrants.assign(name + "-des-key-use", key.keyId(),
                    des.identity().applyValue(i -> i.map(x -> x.principalId()).orElse("")),
                    RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
                    "the serverless router's disk encryption set wraps its OS disk keys with this key (this key only)", this));
            osManagedDisk.diskEncryptionSet(DiskEncryptionSetParametersArgs.builder().id(des.id()).build());
        });
        new VirtualMachine(name + "-vm", VirtualMachineArgs.builder().resourceGroupName(rg).location(args.location())
                .vmName(computerName)
                .hardwareProfile(HardwareProfileArgs.builder().vmSize(args.vmSize()).build())
                .storageProfile(StorageProfileArgs.builder()
                        .imageReference(ImageReferenceArgs.builder().publisher("Canonical")
                                .offer("0001-com-ubuntu-server-jammy").sku("22_04-lts-gen2").version("latest").build())
                        .osDisk(OSDiskArgs.builder().createOption("FromImage").deleteOption("Delete")
                                .managedDisk(osManagedDisk.build())
                                .build())
                        .build())
                // Encryption at host (temporary disk and caches encrypted too) needs the subscription's
                // Microsoft.Compute/EncryptionAtHost feature registered first (learn.microsoft.com/azure/virtual-machines/disks-enable-host-based-encryption-portal);
                // Trusted Launch (secure boot, vTPM) needs a Gen2 image, which 22_04-lts-gen2 is
                // (learn.microsoft.com/azure/virtual-machines/trusted-launch).
                .securityProfile(SecurityProfileArgs.builder()
                        .encryptionAtHost(true)
                        .securityType(SecurityTypes.TrustedLaunch)
                        .uefiSettings(UefiSettingsArgs.builder().secureBootEnabled(true).vTpmEnabled(true).build())
                        .build())
                .osProfile(OSProfileArgs.builder().computerName(computerName).adminUsername("routeradmin")
                        .customData(Base64.getEncoder().encodeToString(RouterCloudInit.render(forwards)
                                .getBytes(StandardCharsets.UTF_8)))
                        .linuxConfiguration(LinuxConfigurationArgs.builder().disablePasswordAuthentication(true)
                                .ssh(SshConfigurationArgs.builder().publicKeys(SshPublicKeyArgs.builder()
                                        .path("/home/routeradmin/.ssh/authorized_keys")
                                        .keyData(args.adminSshPublicKey()).build()).build())
                                .build())
                        .build())
                .networkProfile(NetworkProfileArgs.builder().networkInterfaces(NetworkInterfaceReferenceArgs.builder()
                        .id(nic.id()).primary(true).deleteOption("Delete").build()).build())
                .diagnosticsProfile(DiagnosticsProfileArgs.builder()
                        .bootDiagnostics(BootDiagnosticsArgs.builder().enabled(true).build()).build())
                .tags(tags).build(), CustomResourceOptions.builder().parent(this).dependsOn(vmAfter).build());

        // Visibility lets the NCC's request arrive at all: without it only consumers with RBAC rights on this service
        // could request a connection (learn.microsoft.com/azure/private-link/private-link-service-overview, "Control
        // service exposure"), and Databricks' serverless subscription has none. Auto-approval stays empty, so every
        // connection, the NCC's included, waits Pending until approved here (see the serverlessApprovals output).
        this.privateLinkService = new PrivateLinkService(name + "-pls", PrivateLinkServiceArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .serviceName(naming.name(ResourceKind.PRIVATE_LINK_SERVICE, "router", "pls"))
                .visibility(PrivateLinkServicePropertiesVisibilityArgs.builder()
                        .subscriptions(args.visibilitySubscriptions()).build())
                .autoApproval(PrivateLinkServicePropertiesAutoApprovalArgs.builder().subscriptions(List.of()).build())
                .loadBalancerFrontendIpConfigurations(FrontendIPConfigurationArgs.builder().id(frontendId).build())
                .ipConfigurations(PrivateLinkServiceIpConfigurationArgs.builder().name("nat").primary(true)
                        .privateIPAllocationMethod("Dynamic")
                        .subnet(com.pulumi.azurenative.network.inputs.SubnetArgs.builder().id(subnet.id()).build()).build())
                .enableProxyProtocol(false)
                .tags(tags).build(), CustomResourceOptions.builder().parent(this).dependsOn(lb).build());
        registerOutputs(Map.of("privateLinkServiceId", privateLinkService.id()));
    }

    /**
     * The Private Link Service the serverless NCC rule targets.
     *
     * @return its ARM id
     */
    public Output<String> privateLinkServiceId() {
        return privateLinkService.id();
    }

    /**
     * Every name serverless compute reaches through the router (the NCC rule's domain names).
     *
     * @return the names, sorted
     */
    public List<String> domainNames() {
        return forwards.stream().flatMap(f -> f.domainNames().stream()).distinct().sorted().toList();
    }

    /**
     * The component's own VNet, for its flow log.
     *
     * @return the VNet's ARM id
     */
    public Output<String> vnetId() {
        return vnetId;
    }
}
