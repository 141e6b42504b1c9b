package com.ztplatform.components.aks;

import com.ztplatform.components.common.BuiltInRole;
import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.AgentPoolType;
import com.pulumi.azurenative.containerservice.enums.LoadBalancerSku;
import com.pulumi.azurenative.containerservice.enums.ManagedClusterSKUName;
import com.pulumi.azurenative.containerservice.enums.ManagedClusterSKUTier;
import com.pulumi.azurenative.containerservice.enums.NetworkPlugin;
import com.pulumi.azurenative.containerservice.enums.NetworkPolicy;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.azurenative.containerservice.enums.OutboundType;
import com.pulumi.azurenative.containerservice.enums.ResourceIdentityType;
import com.pulumi.azurenative.containerservice.enums.UpgradeChannel;
import com.pulumi.azurenative.containerservice.inputs.ContainerServiceNetworkProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAPIServerAccessProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAutoUpgradeProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSKUArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileWorkloadIdentityArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.DhcpOptionsArgs;
import com.pulumi.azurenative.network.inputs.RouteTableArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A private AKS cluster in a spoke of its own, on the platform's zero-trust rules:
 *
 * <ul>
 *   <li>API server private (learn.microsoft.com/azure/aks/private-clusters): {@code enablePrivateCluster}, no public
 *       FQDN, its name registered in the hub's {@code privatelink.<region>.azmk8s.io} zone given explicitly, which
 *       AKS accepts only for a user-assigned control-plane identity holding Private DNS Zone Contributor on the zone.
 *       {@code az aks command invoke} (run command) is disabled: operators reach the API server over the hub (VPN,
 *       Bastion), not through a Microsoft-side tunnel.</li>
 *   <li>Egress: {@code outboundType: userDefinedRouting} through the firewall's forced-tunnel route table on the node
 *       subnet (learn.microsoft.com/azure/aks/egress-udr), so AKS creates no public load balancer address; nodes get
 *       no public IPs; the firewall admits only {@link AksEgress}'s destinations, from the node subnet only.</li>
 *   <li>Network: Azure CNI in a BYO subnet (the control-plane identity holds Network Contributor on that subnet alone),
 *       Azure network policy, the VNet peered with the hub and linked to the hub's private DNS zones, so the nodes
 *       resolve the registry's private endpoint and the API server.</li>
 *   <li>Identity: local accounts disabled (no {@code --admin} kubeconfig), Entra ID integration with Azure RBAC for
 *       Kubernetes authorization (learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad), OIDC issuer
 *       and workload identity on. The kubelet identity is one of ours, so AcrPull can be granted to it on the
 *       registry alone, before the cluster exists.</li>
 *   <li>Operations: Free tier control plane, patch auto-upgrades, the API server's admin audit and Entra ID
 *       ({@code guard}) logs to Log Analytics.</li>
 * </ul>
 *
 * <p>azure-native 2.10.0 writes managed clusters with API 2023-04-01
 * (pulumi.com/registry/packages/azure-native@2.x/api-docs/containerservice/managedcluster): it has all of the above,
 * but not {@code nodeOSUpgradeChannel} or API server VNet integration, which need a newer API.
 */
public class PrivateAksCluster extends ComponentResource {
    /** The ARM id of the component's own VNet (flow logs target it). */
    private Output<String> vnetId;
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:aks:PrivateAksCluster";
    /** The node subnet's name. */
    public static final String SUBNET = "snet-aks-nodes";
    /** Built-in role: pull images from a registry (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
    public static final String ACR_PULL = BuiltInRole.ACR_PULL.guid();
    /** Built-in role: manage records in private DNS zones. */
    public static final String PRIVATE_DNS_ZONE_CONTRIBUTOR = BuiltInRole.PRIVATE_DNS_ZONE_CONTRIBUTOR.guid();
    /** Built-in role: manage networks (here: join the node subnet, read its route table). */
    public static final String NETWORK_CONTRIBUTOR = BuiltInRole.NETWORK_CONTRIBUTOR.guid();
    /** Built-in role: assign a user-assigned identity (the control plane assigns the kubelet identity to the nodes). */
    public static final String MANAGED_IDENTITY_OPERATOR = BuiltInRole.MANAGED_IDENTITY_OPERATOR.guid();
    /** The audit log categories sent to Log Analytics: admin (non-read) API calls and Entra ID authentication. */
    public static final List<String> LOG_CATEGORIES = Diagnostics.profile("Microsoft.ContainerService/managedClusters").categories();

    private final ManagedCluster cluster;
    private final UserAssignedIdentity kubeletIdentity;
    private final Output<String> resourceGroupName;

    /**
     * Creates the spoke, the identities and their grants, and the cluster.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public PrivateAksCluster(String name, PrivateAksClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("PrivateAksCluster", name, args.problems());
        var naming = args.naming();
        var rg = args.resourceGroupName();
        this.resourceGroupName = rg;
        var tags = args.common().sortedTags();
        var settings = args.settings();
        var child = CustomResourceOptions.builder().parent(this).build();

        var vnetArgs = VirtualNetworkArgs.builder().resourceGroupName(rg).location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, "aks", "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(settings.addressSpace()).build())
                .tags(tags);
        // Through the firewall's DNS proxy when it runs one (it resolves the hub's private zones); otherwise Azure DNS,
        // which resolves them through the zone links below.
        args.egress().dnsServers().ifPresent(servers -> vnetArgs.dhcpOptions(DhcpOptionsArgs.builder()
                .dnsServers(servers).build()));
        var vnet = new VirtualNetwork(name + "-vnet", vnetArgs.build(), child);
        this.vnetId = vnet.id();
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), args.common(), this);
        // No custom rules: AKS manages the rules it needs on the nodes' own NSG; this one keeps Azure's defaults
        // (VNet and load balancer inbound only) on the subnet.
        var nsg = new NetworkSecurityGroup(name + "-nsg", NetworkSecurityGroupArgs.builder().resourceGroupName(rg)
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "aks", "nsg"))
                .tags(tags).build(), child);
        Diagnostics.send(name + "-nsg-diag", "Microsoft.Network/networkSecurityGroups", nsg.id(), args.common(), this);
        var subnet = new Subnet(name + "-snet", SubnetArgs.builder().resourceGroupName(rg).virtualNetworkName(vnet.name())
                .subnetName(SUBNET).addressPrefix(AksSettings.nodeSubnet(settings.addressSpace()).toString())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                // userDefinedRouting requires the route table on the subnet before the cluster is created.
                .routeTable(RouteTableArgs.builder().id(args.egress().routeTableId()).build())
                // The API server's private endpoint lives in this subnet.
                .privateEndpointNetworkPolicies("Disabled")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(vnet).build());
        var peerings = args.hub().peerWith(name, "aks", rg, vnet, this, subnet);
        var links = args.hub().linkVirtualNetwork("aks", vnet.id(), this, Set.of());

        var controlPlane = new UserAssignedIdentity(name + "-id", UserAssignedIdentityArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .resourceName(naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "aks", "id"))
                .tags(tags).build(), child);
        this.kubeletIdentity = new UserAssignedIdentity(name + "-kubelet-id", UserAssignedIdentityArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .resourceName(naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "aks", "kubelet", "id"))
                .tags(tags).build(), child);

        var zone = PrivateAksClusterArgs.privateDnsZone(args.location());
        var grants = new ArrayList<Resource>();
        grants.add(RoleGrants.assign(name + "-dns-zone", args.hub().privateDnsZoneId(zone), controlPlane.principalId(),
                PRIVATE_DNS_ZONE_CONTRIBUTOR, "The private AKS cluster registers its API server's name in " + zone, this));
        grants.add(RoleGrants.assign(name + "-subnet", subnet.id(), controlPlane.principalId(), NETWORK_CONTRIBUTOR,
                "The AKS control plane joins its nodes and internal load balancers to this subnet", this));
        grants.add(RoleGrants.assign(name + "-kubelet-operator", kubeletIdentity.id(), controlPlane.principalId(),
                MANAGED_IDENTITY_OPERATOR, "The AKS control plane assigns the kubelet identity to the nodes", this));
        // Before the cluster: the nodes pull from the registry as soon as they run.
        args.registryId().ifPresent(registry -> grants.add(RoleGrants.assign(name + "-acr-pull", registry,
                kubeletIdentity.principalId(), ACR_PULL, "The AKS nodes (kubelet identity) pull images from this "
                        + "registry, and only from it", this)));

        var after = new ArrayList<Resource>(grants);
        after.addAll(peerings);
        after.addAll(links);
        var clusterName = args.clusterName();
        var pool = ManagedClusterAgentPoolProfileArgs.builder()
                .name(PrivateAksClusterArgs.SYSTEM_POOL)
                .mode(AgentPoolMode.System)
                .type(AgentPoolType.VirtualMachineScaleSets)
                .osType(OSType.Linux)
                .vmSize(settings.vmSize())
                .count(settings.nodeCount())
                .maxPods(AksSettings.MAX_PODS)
                .vnetSubnetID(subnet.id())
                .enableNodePublicIP(false)
                .tags(tags);
        if (!settings.zones().isEmpty()) {
            pool.availabilityZones(settings.zones());
        }
        var aad = ManagedClusterAADProfileArgs.builder().managed(true).enableAzureRBAC(true);
        if (!settings.adminGroupObjectIds().isEmpty()) {
            aad.adminGroupObjectIDs(settings.adminGroupObjectIds());
        }
        this.cluster = new ManagedCluster(name + "-cluster", ManagedClusterArgs.builder()
                .resourceGroupName(rg)
                .location(args.location())
                .resourceName(clusterName)
                .dnsPrefix(clusterName)
                .nodeResourceGroup(naming.name(ResourceKind.RESOURCE_GROUP, "aks", "nodes", "rg"))
                .sku(ManagedClusterSKUArgs.builder().name(ManagedClusterSKUName.Base).tier(ManagedClusterSKUTier.Free).build())
                .identity(ManagedClusterIdentityArgs.builder().type(ResourceIdentityType.UserAssigned)
                        .userAssignedIdentities(controlPlane.id().applyValue(List::of)).build())
                .identityProfile(Output.tuple(kubeletIdentity.id(), kubeletIdentity.clientId(), kubeletIdentity.principalId())
                        .applyValue(t -> Map.of("kubeletidentity", com.pulumi.azurenative.containerservice.inputs.UserAssignedIdentityArgs.builder()
                                .resourceId(t.t1).clientId(t.t2).objectId(t.t3).build())))
                .apiServerAccessProfile(ManagedClusterAPIServerAccessProfileArgs.builder()
                        .enablePrivateCluster(true)
                        .enablePrivateClusterPublicFQDN(false)
                        .privateDNSZone(args.hub().privateDnsZoneId(zone))
                        .disableRunCommand(true)
                        .build())
                .networkProfile(ContainerServiceNetworkProfileArgs.builder()
                        .networkPlugin(NetworkPlugin.Azure)
                        .networkPolicy(NetworkPolicy.Azure)
                        .outboundType(OutboundType.UserDefinedRouting)
                        .loadBalancerSku(LoadBalancerSku.Standard)
                        .serviceCidr(PrivateAksClusterArgs.SERVICE_CIDR)
                        .dnsServiceIP(PrivateAksClusterArgs.DNS_SERVICE_IP)
                        .build())
                .agentPoolProfiles(pool.build())
                .enableRBAC(true)
                // Off unless Azure Machine Learning is attached: its extension needs them (AksSettings.localAccountsRequired).
                .disableLocalAccounts(!settings.localAccountsRequired())
                .aadProfile(aad.build())
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                .securityProfile(ManagedClusterSecurityProfileArgs.builder()
                        .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build())
                        .build())
                .autoUpgradeProfile(ManagedClusterAutoUpgradeProfileArgs.builder()
                        .upgradeChannel(Either.ofRight(UpgradeChannel.Patch)).build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect())
                .dependsOn(after).build());

        Diagnostics.send(name + "-diag", "Microsoft.ContainerService/managedClusters", cluster.id(), args.common(), this);
        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(cluster.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "aks", "lock"))
                    .notes("Protects the private AKS cluster; remove deliberately.")
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("clusterId", cluster.id());
        outputs.put("oidcIssuerUrl", oidcIssuerUrl());
        registerOutputs(outputs);
    }

    /**
     * The cluster's ARM id, for Azure RBAC role assignments and attachments.
     *
     * @return the id
     */
    public Output<String> clusterId() {
        return cluster.id();
    }

    /**
     * The OIDC issuer workload identity federates with (a federated credential's issuer), empty until Azure reports it.
     *
     * @return the issuer URL, or empty
     */
    public Output<Optional<String>> oidcIssuerUrl() {
        return cluster.oidcIssuerProfile().applyValue(p -> p.map(x -> x.issuerURL()));
    }

    /**
     * The cluster's resource name, for cluster extensions.
     *
     * @return the name
     */
    public Output<String> clusterName() {
        return cluster.name();
    }

    /**
     * The cluster's resource group, for cluster extensions.
     *
     * @return the resource group name
     */
    public Output<String> resourceGroupName() {
        return resourceGroupName;
    }

    /**
     * The kubelet identity's principal, the one AcrPull is granted to.
     *
     * @return the object id
     */
    public Output<String> kubeletPrincipalId() {
        return kubeletIdentity.principalId();
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
