package com.ztplatform.components.ai;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.insights.Component;
import com.pulumi.azurenative.insights.ComponentArgs;
import com.pulumi.azurenative.machinelearningservices.Workspace;
import com.pulumi.azurenative.machinelearningservices.WorkspaceArgs;
import com.pulumi.azurenative.machinelearningservices.enums.ManagedServiceIdentityType;
import com.pulumi.azurenative.machinelearningservices.enums.PublicNetworkAccess;
import com.pulumi.azurenative.machinelearningservices.inputs.ManagedServiceIdentityArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.ServiceEndpointPolicy;
import com.pulumi.azurenative.network.ServiceEndpointPolicyArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.DhcpOptionsArgs;
import com.pulumi.azurenative.network.inputs.RouteTableArgs;
import com.pulumi.azurenative.network.inputs.ServiceEndpointPolicyDefinitionArgs;
import com.pulumi.azurenative.network.inputs.ServiceEndpointPropertiesFormatArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.firewall.EgressCatalogue;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.keyvault.StorageEncryption;
import com.ztplatform.components.network.NsgRule;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A private Azure Machine Learning workspace, with its compute network routed through the platform firewall.
 *
 * <ul>
 *   <li>Workspace (API 2023-04-01, the one azure-native 2.10.0 ships): public network access Disabled, system-assigned
 *       identity, {@code hbiWorkspace} when the stack holds confidential data, the AI platform's registry for images
 *       (built on the compute cluster {@value #IMAGE_BUILD_COMPUTE}: a registry behind a private endpoint cannot build
 *       with ACR Tasks; learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet). One
 *       {@code amlworkspace} private endpoint in the hub, registered in both {@value PrivateDnsZones#ML_API} and
 *       {@value PrivateDnsZones#ML_NOTEBOOKS}.</li>
 *   <li>Associated resources, each private: a storage account (blob and file endpoints), a Key Vault
 *       ({@link KeyVaultScope}, label {@value #VAULT_LABEL}) and a workspace-based Application Insights on the
 *       platform's Log Analytics workspace.</li>
 *   <li>Outbound: the workspace's managed network (approved outbound only) is not in API 2023-04-01, so compute runs in
 *       the subnet {@value #COMPUTE_SUBNET} of a VNet peered with the hub, whose route table sends {@code 0.0.0.0/0}
 *       to the firewall. {@link #egressSources} and {@link #firewallContribution} put that subnet, and only the
 *       documented outbound destinations for it, into the firewall's plan. Storage the Azure Batch back end owns is
 *       reached through a service endpoint limited by a policy to the documented alias
 *       {@value #ML_STORAGE_ALIAS} and the workspace's own account
 *       (learn.microsoft.com/azure/machine-learning/how-to-prevent-data-loss-exfiltration).</li>
 * </ul>
 *
 * <pre>{@code
 * var ml = new MachineLearningWorkspace("ml", MachineLearningWorkspaceArgs.builder().resourceGroupName(aiRg.name())
 *         .location("westeurope").naming(naming).hub(hub).egress(firewall).computeAddressSpace("10.30.0.0/24")
 *         .containerRegistryId(acr.registryId()).highBusinessImpact(true).common(withLogs).build(), null);
 * }</pre>
 */
public class MachineLearningWorkspace extends ComponentResource {
    /** The ARM id of the component's own VNet (flow logs target it). */
    private Output<String> vnetId;
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:ai:MachineLearningWorkspace";
    /** The compute subnet's name. */
    public static final String COMPUTE_SUBNET = "ml-compute";
    /** The owner name of the firewall contribution and the source entry. */
    public static final String OWNER = "machine-learning";
    /** The workspace vault's label: {@code <prefix>-<env>-ml-kv}. */
    public static final String VAULT_LABEL = "ml";
    /** The compute cluster the workspace builds images on (created by the ML team in {@value #COMPUTE_SUBNET}). */
    public static final String IMAGE_BUILD_COMPUTE = "image-build";
    /** The service alias of the storage accounts Azure Machine Learning's back end owns, for the endpoint policy. */
    public static final String ML_STORAGE_ALIAS = "/services/Azure/MachineLearning";

    private final Workspace workspace;
    private final Output<String> storageAccountId;
    private final Output<String> insightsId;
    private final Output<String> resourceGroupName;

    /**
     * Creates the workspace, its associated resources, private endpoints, compute network and diagnostics.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers, dependsOn)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public MachineLearningWorkspace(String name, MachineLearningWorkspaceArgs args,
                                    @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("MachineLearningWorkspace", name, args.problems());
        var naming = args.naming();
        var hub = args.hub();
        var rg = args.resourceGroupName();
        this.resourceGroupName = rg;
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).build();
        var kept = CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build();
        var logs = args.common().logAnalyticsWorkspaceId().orElseThrow();

        // Customer-managed key on the workspace's default storage (snapshots, outputs, logs): Azure Machine Learning
        // leaves that account's encryption to Azure Storage and points to its customer-managed keys
        // (learn.microsoft.com/azure/machine-learning/concept-data-encryption, "Azure Blob Storage").
        var cmk = StorageEncryption.create(name + "-storage", args.storageKey(), rg, args.location(),
                naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "ml", "cmk", "id"), tags,
                "the machine learning workspace's storage account wraps its data keys with this key (this key only)",
                this);
        var storage = new StorageAccount(name + "-storage", StorageAccountArgs.builder()
                .resourceGroupName(rg)
                .location(args.location())
                .accountName(accountName(naming))
                .kind("StorageV2")
                .sku(SkuArgs.builder().name("Standard_ZRS").build())
                // Account keys stay on: with API 2023-04-01 the workspace's system datastores authenticate with the
                // account key; identity-only access needs systemDatastoresAuthMode, a later API (and a preview;
                // learn.microsoft.com/azure/machine-learning/how-to-disable-local-auth-storage). The account is
                // reachable only through its private endpoints, and the policy pack accepts keys on this account only.
                .allowSharedKeyAccess(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .publicNetworkAccess("Disabled")
                .minimumTlsVersion("TLS1_2")
                .enableHttpsTrafficOnly(true)
                .identity(cmk.identityArgs())
                .encryption(cmk.encryptionArgs())
                .networkRuleSet(NetworkRuleSetArgs.builder()
                        .defaultAction(com.pulumi.azurenative.storage.enums.DefaultAction.Deny)
                        .bypass("AzureServices").ipRules(List.of()).virtualNetworkRules(List.of()).build())
                .tags(tags)
                .build(), cmk.accountOptions(this, args.common().protect()));
        this.storageAccountId = storage.id();
        new PrivateEndpointSet(name + "-storage-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(naming)
                .targetName("mlst").targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(storage.id())
                // Blob for datastores and artifacts, file for the notebooks share
                // (learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet).
                .endpoints(List.of(
                        new EndpointSpec("blob", "blob", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.BLOB)),
                        new EndpointSpec("file", "file", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.FILE))))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        var vault = new KeyVaultScope(name + "-kv", KeyVaultScopeArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(naming).label(VAULT_LABEL)
                .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                .privateDnsZoneId(hub.privateDnsZoneId(PrivateDnsZones.KEY_VAULT))
                .common(args.common())
                .build(), ComponentResourceOptions.builder().parent(this).build());

        // Workspace-based: telemetry lands in the platform's Log Analytics workspace, under its retention and access
        // rules; local (instrumentation key) auth off (learn.microsoft.com/azure/azure-monitor/app/create-workspace-resource).
        var insights = new Component(name + "-appi", ComponentArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .resourceName(naming.name(ResourceKind.APPLICATION_INSIGHTS, "ml", "appi"))
                .kind("web").applicationType("web")
                .workspaceResourceId(logs)
                .ingestionMode("LogAnalytics")
                .disableLocalAuth(true)
                .tags(tags)
                .build(), kept);
        this.insightsId = insights.id();

        var workspaceArgs = WorkspaceArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .workspaceName(naming.name(ResourceKind.MACHINE_LEARNING_WORKSPACE, "ml", "mlw"))
                .friendlyName(naming.prefix() + " " + naming.environment() + " machine learning")
                .identity(ManagedServiceIdentityArgs.builder().type(ManagedServiceIdentityType.SystemAssigned).build())
                .storageAccount(storage.id())
                .keyVault(vault.vaultId())
                .applicationInsights(insights.id())
                .publicNetworkAccess(PublicNetworkAccess.Disabled)
                .allowPublicAccessWhenBehindVnet(false)
                // Fixed at creation: changing it later needs a new workspace (learn.microsoft.com/azure/machine-learning/concept-data-encryption).
                .hbiWorkspace(args.highBusinessImpact())
                .v1LegacyMode(false)
                .imageBuildCompute(IMAGE_BUILD_COMPUTE)
                .tags(tags);
        args.containerRegistryId().ifPresent(workspaceArgs::containerRegistry);
        this.workspace = new Workspace(name + "-workspace", workspaceArgs.build(), kept);

        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(naming)
                .targetName("ml").targetType(PrivateLinkTarget.MACHINE_LEARNING).targetId(workspace.id())
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "amlworkspace", PrivateLinkTarget.MACHINE_LEARNING,
                        "amlworkspace", hub.privateEndpointSubnetId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        computeNetwork(name, args, storage);

        Diagnostics.send(name + "-diag", "Microsoft.MachineLearningServices/workspaces", workspace.id(), args.common(),
                this);
        Diagnostics.sendStorage(name + "-storage-diag", storage.id(), args.common(), this);

        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(workspace.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "ml", "lock"))
                    .notes("Protects the AI platform's machine learning workspace; remove deliberately.")
                    .build(), kept);
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("workspaceId", workspace.id());
        registerOutputs(outputs);
    }

    /** The compute VNet: one subnet, forced through the firewall, peered with the hub, resolving through it. */
    private void computeNetwork(String name, MachineLearningWorkspaceArgs args, StorageAccount storage) {
        var naming = args.naming();
        var rg = args.resourceGroupName();
        var tags = args.common().sortedTags();
        var child = CustomResourceOptions.builder().parent(this).build();
        var vnetArgs = VirtualNetworkArgs.builder().resourceGroupName(rg).location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, "ml", "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(args.computeAddressSpace()).build())
                .tags(tags);
        args.egress().dnsServers().ifPresent(servers -> vnetArgs.dhcpOptions(
                DhcpOptionsArgs.builder().dnsServers(servers).build()));
        var vnet = new VirtualNetwork(name + "-vnet", vnetArgs.build(), child);
        this.vnetId = vnet.id();

        // Compute is created without public IPs: nothing reaches it from outside the VNet (the BatchNodeManagement and
        // AzureMachineLearning inbound rules are only for public-IP compute; how-to-access-azureml-behind-firewall).
        var nsg = new NetworkSecurityGroup(name + "-nsg", NetworkSecurityGroupArgs.builder().resourceGroupName(rg)
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, "ml", "nsg"))
                .securityRules(List.of(
                        NsgRule.allowIn("AllowVnetInbound", 100, "*", "VirtualNetwork", "VirtualNetwork", List.of("*"),
                                "Compute nodes of one job talk to each other (distributed training)").toArgs(),
                        NsgRule.denyIn("DenyAllInbound", 4096, "Nothing else reaches the compute").toArgs()))
                .tags(tags).build(), child);
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), args.common(), this);
        Diagnostics.send(name + "-nsg-diag", "Microsoft.Network/networkSecurityGroups", nsg.id(), args.common(), this);

        var policy = new ServiceEndpointPolicy(name + "-sep", ServiceEndpointPolicyArgs.builder()
                .resourceGroupName(rg).location(args.location())
                .serviceEndpointPolicyName(naming.name(ResourceKind.SERVICE_ENDPOINT_POLICY, "ml", "sep"))
                .serviceEndpointPolicyDefinitions(
                        ServiceEndpointPolicyDefinitionArgs.builder().name("ml-managed").service("Global")
                                .description("Storage Azure Machine Learning's back end owns (documented alias)")
                                .serviceResources(ML_STORAGE_ALIAS).build(),
                        ServiceEndpointPolicyDefinitionArgs.builder().name("workspace-storage").service("Microsoft.Storage")
                                .description("The workspace's own storage account")
                                .serviceResources(storage.id().applyValue(List::of)).build())
                .tags(tags).build(), child);

        var subnet = new Subnet(name + "-snet", SubnetArgs.builder().resourceGroupName(rg).virtualNetworkName(vnet.name())
                .subnetName(COMPUTE_SUBNET).addressPrefix(computeSubnet(args.computeAddressSpace()).toString())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                .routeTable(RouteTableArgs.builder().id(args.egress().routeTableId()).build())
                .serviceEndpoints(ServiceEndpointPropertiesFormatArgs.builder().service("Microsoft.Storage").build())
                .serviceEndpointPolicies(com.pulumi.azurenative.network.inputs.ServiceEndpointPolicyArgs.builder()
                        .id(policy.id()).build())
                .privateEndpointNetworkPolicies("Enabled")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(vnet).build());
        args.hub().peerWith(name, "ml", rg, vnet, this, subnet);
    }

    /**
     * The compute subnet: the whole compute address space.
     *
     * @param addressSpace the compute VNet, like 10.30.0.0/24
     * @return the subnet's block
     */
    public static Cidr computeSubnet(String addressSpace) {
        return Cidr.parse(addressSpace);
    }

    /**
     * The compute subnet as a firewall source group of its own ({@link SourceGroups#ML_COMPUTE}).
     *
     * @param addressSpace the compute VNet, like 10.30.0.0/24
     * @return the source entry for the firewall's plan
     */
    public static EgressPlan.Sources egressSources(String addressSpace) {
        return new EgressPlan.Sources(SourceGroups.ML_COMPUTE, OWNER, List.of(computeSubnet(addressSpace).toString()));
    }

    /**
     * What compute of a private workspace must reach on the internet, from the compute subnet only
     * (learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall). Not here because another
     * path serves them: the workspace API, notebooks and the workspace's storage, vault and registry (private
     * endpoints in the hub); Batch-owned storage (service endpoint and policy); Storage.&lt;region&gt; and
     * AzureFrontDoor tags (replaced by the MCR host names, narrower); graph.windows.net (Azure AD Graph, which
     * Microsoft has retired). Service tags are used where the documentation gives no host names, their regional form
     * where it documents one; the policy pack accepts each of them from the compute subnet's source group only.
     *
     * @param region             the workspace's region, like westeurope (in the egress catalogue)
     * @param highBusinessImpact whether the workspace is high business impact (adds the regional Key Vault tag the
     *                           Batch back end's vault needs)
     * @return the contribution
     * @throws IllegalArgumentException when the region is not in the egress catalogue
     */
    public static RuleContribution firewallContribution(String region, boolean highBusinessImpact) {
        var tagRegion = EgressCatalogue.load().region(region).orElseThrow(() -> new IllegalArgumentException(
                "region '" + region + "' is not in the egress catalogue")).serviceTagRegion();
        var src = List.of(SourceGroups.ML_COMPUTE);
        var net = new ArrayList<FirewallRule>();
        net.add(new FirewallRule.NetworkRule("aml-service", src, List.of(), List.of("AzureMachineLearning"), List.of(),
                List.of("443", "8787", "18881"), List.of("TCP"),
                "Azure ML compute: the workspace service (443), RStudio (8787) and notebook language server (18881)"));
        net.add(new FirewallRule.NetworkRule("aml-tundra", src, List.of(), List.of("AzureMachineLearning"), List.of(),
                List.of("5831"), List.of("UDP"), "Azure ML compute instances: the service's UDP channel"));
        net.add(new FirewallRule.NetworkRule("batch-node-management", src, List.of(),
                List.of("BatchNodeManagement." + tagRegion), List.of(), List.of("443"), List.of("TCP"),
                "Azure ML compute: the Azure Batch back end that manages the nodes (this region only)"));
        net.add(new FirewallRule.NetworkRule("azure-monitor", src, List.of(), List.of("AzureMonitor"), List.of(),
                List.of("443"), List.of("TCP"),
                "Azure ML compute: metrics and logs to Azure Monitor and Application Insights (not behind a private link scope)"));
        if (highBusinessImpact) {
            net.add(new FirewallRule.NetworkRule("batch-key-vault", src, List.of(),
                    List.of("AzureKeyVault." + tagRegion), List.of(), List.of("443"), List.of("TCP"),
                    "Azure ML high business impact workspace: the Batch back end's Key Vault (this region only)"));
        }
        var app = List.<FirewallRule>of(
                new FirewallRule.ApplicationRule("entra-id", src, List.of("login.microsoftonline.com"),
                        List.of("Https:443"), "Azure ML compute: Entra ID tokens for the compute identity"),
                new FirewallRule.ApplicationRule("resource-manager", src, List.of("management.azure.com"),
                        List.of("Https:443"), "Azure ML compute: Azure Resource Manager"),
                new FirewallRule.ApplicationRule("microsoft-container-registry", src,
                        List.of("mcr.microsoft.com", "*.data.mcr.microsoft.com"), List.of("Https:443"),
                        "Azure ML compute: the Docker base images Microsoft maintains"));
        return new RuleContribution(OWNER, List.of(new RuleCollection("compute-net", 100, net),
                new RuleCollection("compute-app", 110, app)));
    }

    /**
     * The workspace's Application Insights component: a scoped resource of the platform's Azure Monitor Private Link
     * Scope when the stack has one (its compute resolves Azure Monitor through the hub's zones, and the scope's
     * PrivateOnly mode admits only the resources in it).
     *
     * @return the component's ARM id
     */
    public Output<String> insightsId() {
        return insightsId;
    }

    /**
     * The workspace's ARM id.
     *
     * @return the id
     */
    public Output<String> workspaceId() {
        return workspace.id();
    }

    /**
     * The name of the workspace's own storage account: {@code <prefix><environment>ml} and the stack's global suffix, like
     * {@code ztpprodmlym4ky}. Defined here once: the stack's Azure Policy exemptions name the account by it.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String accountName(com.ztplatform.components.naming.Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "ml");
    }

    /**
     * The workspace's own storage account (named {@code naming.name(STORAGE_ACCOUNT, "ml")}), for the Azure Policy
     * exemption that names it.
     *
     * @return its ARM id
     */
    public Output<String> storageAccountId() {
        return storageAccountId;
    }

    /**
     * The component's own VNet, for its flow log.
     *
     * @return the VNet's ARM id
     */
    public Output<String> vnetId() {
        return vnetId;
    }

    /**
     * The workspace's resource group, for compute targets.
     *
     * @return the resource group name
     */
    public Output<String> resourceGroupName() {
        return resourceGroupName;
    }

    /**
     * The workspace's name, for compute targets.
     *
     * @return the name
     */
    public Output<String> workspaceName() {
        return workspace.name();
    }

    /**
     * The workspace's system-assigned identity (empty string until Azure reports it), for role assignments.
     *
     * @return the principal id
     */
    public Output<String> principalId() {
        return workspace.identity().applyValue(i -> i.map(x -> x.principalId()).orElse(""));
    }
}
