package com.ztplatform.components.databricks;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.databricks.Workspace;
import com.pulumi.azurenative.databricks.WorkspaceArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionEntitiesDefinitionArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceEncryptionParameterArgs;
import com.pulumi.azurenative.databricks.inputs.EncryptionV2Args;
import com.pulumi.azurenative.databricks.inputs.EncryptionV2KeyVaultPropertiesArgs;
import com.pulumi.azurenative.databricks.inputs.ManagedDiskEncryptionArgs;
import com.pulumi.azurenative.databricks.inputs.ManagedDiskEncryptionKeyVaultPropertiesArgs;
import com.pulumi.azurenative.databricks.inputs.SkuArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceCustomBooleanParameterArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceCustomParametersArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspaceCustomStringParameterArgs;
import com.pulumi.azurenative.databricks.inputs.WorkspacePropertiesEncryptionArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.PrivateZone;
import com.pulumi.azurenative.network.PrivateZoneArgs;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.ServiceEndpointPolicy;
import com.pulumi.azurenative.network.ServiceEndpointPolicyArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.inputs.ServiceEndpointPolicyDefinitionArgs;
import com.pulumi.azurenative.network.inputs.ServiceEndpointPropertiesFormatArgs;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.DelegationArgs;
import com.pulumi.azurenative.network.inputs.RouteTableArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.network.NsgRule;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

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
 * A Databricks spoke: its VNet peered with the hub, the VNet-injected Premium workspace reachable only
 * through Private Link, and its private endpoints.
 *
 * <ul>
 *   <li>Host and container subnets delegated to Microsoft.Databricks/workspaces, each with the NSG and the
 *       egress next hop's route table (0.0.0.0/0 to the firewall). The firewall admits them because the stack put
 *       {@link #egressSources} into its plan; when the firewall is local the spoke checks that it did.</li>
 *   <li>DNS: the VNet uses Azure-provided DNS and is linked to every hub private DNS zone except
 *       {@code privatelink.azuredatabricks.net}; it has its own zone of that name holding the back-end endpoint,
 *       while the hub's holds the front-end and web-auth endpoints (separate transit and workspace zones, as
 *       Databricks' standard Private Link deployment does). Resolution does not depend on the hub's DNS resolver.</li>
 *   <li>Workspace: Premium, no public IP, public network access Disabled, {@code NoAzureDatabricksRules}
 *       (valid only with back-end Private Link, which this spoke always creates), infrastructure encryption,
 *       deterministic managed resource group and storage account names, customer-managed keys when given.</li>
 *   <li>Private endpoints, created one after another (the workspace fails on concurrent endpoint writes):
 *       back-end databricks_ui_api in the spoke, then front-end databricks_ui_api in the hub (workload role) or
 *       browser_authentication in the hub (web-auth role); dfs and blob endpoints for the workspace storage
 *       account.</li>
 * </ul>
 *
 * <pre>{@code
 * var spoke = new DatabricksSpoke("spoke-analytics", DatabricksSpokeArgs.builder()
 *         .resourceGroupName(spokeRg.name()).location("westeurope").naming(naming).spokeName("analytics")
 *         .addressSpace("10.11.0.0/24").hub(hub).egress(firewall).build(), null);
 * }</pre>
 *
 * <p>{@code hub} is a {@link com.ztplatform.components.network.HubConnection} and {@code egress} an
 * {@link com.ztplatform.components.firewall.EgressNextHop}: the platform's own {@code HubNetwork} and
 * {@code EgressFirewall}, or a {@code PlatformStackReference} in another team's program.
 */
public class DatabricksSpoke extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:databricks:DatabricksSpoke";
    /** The subnet delegation VNet injection needs on the host and container subnets. */
    public static final String DELEGATION = "Microsoft.Databricks/workspaces";

    private final DatabricksSpokeArgs args;
    private final SubnetLayout layout;
    private final VirtualNetwork vnet;
    private final Map<String, Subnet> subnets;
    private final Workspace workspace;
    private final String storageAccountName;
    private final String managedResourceGroupName;
    private final Map<String, PrivateEndpointSet> endpointSets = new LinkedHashMap<>();
    private final List<String> warnings;
    private final PrivateZone workspaceZone;

    /**
     * Creates the spoke VNet and subnets, its peerings with the hub, the injected workspace and its private endpoints.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public DatabricksSpoke(String name, DatabricksSpokeArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("DatabricksSpoke", name, args.problems());
        this.args = args;
        this.layout = args.layout();
        var naming = args.naming();
        var spoke = args.spokeName();
        var tags = args.common().sortedTags();
        var hub = args.hub();

        // Azure-provided DNS, not the firewall's DNS proxy: the workspace's back-end record lives in this spoke's own
        // privatelink.azuredatabricks.net zone (below), which only this VNet's own resolution sees. The firewall's
        // proxy resolves in the hub's view, where the same name is the front-end endpoint.
        this.vnet = new VirtualNetwork(name + "-vnet", VirtualNetworkArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .virtualNetworkName(naming.name(ResourceKind.VIRTUAL_NETWORK, spoke, "vnet"))
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(args.addressSpace()).build())
                .tags(tags)
                .build(), stateful());
        Diagnostics.send(name + "-vnet-diag", "Microsoft.Network/virtualNetworks", vnet.id(), args.common(), this);

        // Only the worker-to-worker rules Databricks' network intent policy owns with NoAzureDatabricksRules:
        // outbound is decided by the firewall (the route table), and an outbound deny here would block the firewall
        // path too. The rules are declared for the first write and then left to the intent policy (ignoreChanges),
        // so neither side rewrites the other's rules on a later update.
        var databricksNsg = new NetworkSecurityGroup(name + "-dbx-nsg", NetworkSecurityGroupArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, spoke, "dbx", "nsg"))
                .securityRules(SpokeSecurityRules.databricksSubnets().stream().map(NsgRule::toArgs).toList())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges(List.of("securityRules")).build());
        var endpointNsg = new NetworkSecurityGroup(name + "-pe-nsg", NetworkSecurityGroupArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .networkSecurityGroupName(naming.name(ResourceKind.NETWORK_SECURITY_GROUP, spoke, "pe", "nsg"))
                .securityRules(SpokeSecurityRules.privateEndpoints(layout.cidr(SpokeLayout.HOST).toString(),
                        layout.cidr(SpokeLayout.CONTAINER).toString()).stream().map(NsgRule::toArgs).toList())
                .tags(tags)
                .build(), child());
        Diagnostics.send(name + "-dbx-nsg-diag", "Microsoft.Network/networkSecurityGroups", databricksNsg.id(),
                args.common(), this);
        Diagnostics.send(name + "-pe-nsg-diag", "Microsoft.Network/networkSecurityGroups", endpointNsg.id(),
                args.common(), this);
        this.storageAccountName = naming.name(ResourceKind.STORAGE_ACCOUNT, spoke, "dbfs");
        this.managedResourceGroupName = naming.name(ResourceKind.MANAGED_RESOURCE_GROUP, spoke, "dbw", "managed", "rg");
        var managedResourceGroupId = AuthorizationFunctions.getClientConfig().applyValue(c -> "/subscriptions/"
                + c.subscriptionId() + "/resourceGroups/" + managedResourceGroupName);
        var storagePolicy = args.storageEgress().enabled()
                ? Optional.of(createStoragePolicy(name, managedResourceGroupId, tags)) : Optional.<ServiceEndpointPolicy>empty();
        this.subnets = createSubnets(name, databricksNsg, endpointNsg, storagePolicy);
        var lastSubnet = List.copyOf(subnets.values()).get(subnets.size() - 1);

        hub.peerWith(name, spoke, args.resourceGroupName(), vnet, this, lastSubnet);

        hub.linkVirtualNetwork("spoke-" + spoke, vnet.id(), this, Set.of(PrivateDnsZones.DATABRICKS));
        this.workspaceZone = createWorkspaceZone(name, tags);

        this.workspace = createWorkspace(name, managedResourceGroupId, tags);
        // Premium tier (createWorkspace): diagnostic logs need it
        // (learn.microsoft.com/azure/databricks/admin/account-settings/audit-log-delivery).
        Diagnostics.send(name + "-dbw-diag", "Microsoft.Databricks/workspaces", workspace.id(), args.common(), this);
        createEndpoints(name, managedResourceGroupId);
        this.warnings = List.of(dbfsPublicEndpointWarning(name, storageAccountName));

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("vnetId", vnet.id());
        outputs.put("workspaceId", workspace.id());
        outputs.put("workspaceUrl", workspace.workspaceUrl());
        registerOutputs(outputs);
    }

    /**
     * The workspace-side {@code privatelink.azuredatabricks.net} zone, linked to this spoke only, holding the back-end
     * endpoint's records. The hub's zone of the same name (the transit side) holds the front-end and web-auth
     * records. One workspace's two databricks_ui_api endpoints register the same name, so one shared zone would hold
     * whichever was written last; the standard Private Link deployment uses separate zones for the transit and the
     * workspace networks (learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard).
     */
    private PrivateZone createWorkspaceZone(String name, Map<String, String> tags) {
        var zone = new PrivateZone(name + "-zone-databricks", PrivateZoneArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .privateZoneName(PrivateDnsZones.DATABRICKS)
                .location("Global")
                .tags(tags)
                .build(), stateful());
        new VirtualNetworkLink(name + "-zone-databricks-link", VirtualNetworkLinkArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .privateZoneName(zone.name())
                .virtualNetworkLinkName(args.naming().name(ResourceKind.VIRTUAL_NETWORK, args.spokeName(), "link"))
                .virtualNetwork(com.pulumi.azurenative.network.inputs.SubResourceArgs.builder().id(vnet.id()).build())
                .registrationEnabled(false)
                .location("Global")
                .tags(tags)
                .build(), child());
        return zone;
    }

    /**
     * The spoke's storage service endpoint policy ({@link StorageEgressPolicy}): the DBFS root (planned id, in the
     * managed resource group), the accounts in {@link DatabricksSpokeArgs#storageEgress()} and the Databricks alias.
     */
    private ServiceEndpointPolicy createStoragePolicy(String name, Output<String> managedResourceGroupId,
                                                      Map<String, String> tags) {
        var dbfsId = managedResourceGroupId.applyValue(rg -> rg + "/providers/Microsoft.Storage/storageAccounts/"
                + storageAccountName);
        var others = Output.all(args.storageEgress().storageAccountIds());
        // The definitions' shape is known at preview; only the account ids wait for their resources, so a policy
        // can judge the alias (and every known id) before anything is created.
        var storageResources = Output.tuple(dbfsId, others).applyValue(t -> StorageEgressPolicy.definitions(t.t1, t.t2)
                .get(0).serviceResources());
        var shape = StorageEgressPolicy.definitions("", List.of());
        var definitions = new ArrayList<ServiceEndpointPolicyDefinitionArgs>();
        for (int i = 0; i < shape.size(); i++) {
            var d = shape.get(i);
            definitions.add(ServiceEndpointPolicyDefinitionArgs.builder().name(d.name()).service(d.service())
                    .description(d.description())
                    .serviceResources(i == 0 ? storageResources : Output.of(d.serviceResources())).build());
        }
        return new ServiceEndpointPolicy(name + "-storage-sep", ServiceEndpointPolicyArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .serviceEndpointPolicyName(args.naming().name(ResourceKind.SERVICE_ENDPOINT_POLICY, args.spokeName(), "sep"))
                .serviceEndpointPolicyDefinitions(definitions)
                .tags(tags)
                .build(), child());
    }

    private Map<String, Subnet> createSubnets(String name, NetworkSecurityGroup databricksNsg,
                                              NetworkSecurityGroup endpointNsg,
                                              Optional<ServiceEndpointPolicy> storagePolicy) {
        var created = new LinkedHashMap<String, Subnet>();
        Resource previous = vnet;
        for (var entry : layout.enabled().entrySet()) {
            var subnetName = entry.getKey();
            var builder = SubnetArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .virtualNetworkName(vnet.name())
                    .subnetName(subnetName)
                    .addressPrefix(entry.getValue().toString());
            if (subnetName.equals(SpokeLayout.PRIVATE_ENDPOINTS)) {
                builder.networkSecurityGroup(nsgRef(endpointNsg))
                        .privateEndpointNetworkPolicies("Enabled")
                        .privateLinkServiceNetworkPolicies("Enabled");
            } else {
                builder.networkSecurityGroup(nsgRef(databricksNsg))
                        .routeTable(RouteTableArgs.builder().id(args.egress().routeTableId()).build())
                        .delegations(DelegationArgs.builder()
                                .name("databricks-del")
                                .serviceName(DELEGATION)
                                .build());
                // Seed 003: storage leaves through the service endpoint, limited to the policy's accounts.
                storagePolicy.ifPresent(policy -> builder
                        .serviceEndpoints(ServiceEndpointPropertiesFormatArgs.builder()
                                .service(StorageEgressPolicy.STORAGE_SERVICE).build())
                        .serviceEndpointPolicies(com.pulumi.azurenative.network.inputs.ServiceEndpointPolicyArgs.builder()
                                .id(policy.id()).build()));
            }
            // One subnet write at a time on a VNet (AnotherOperationInProgress otherwise).
            var subnet = new Subnet(name + "-snet-" + subnetName, builder.build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(previous).build());
            created.put(subnetName, subnet);
            previous = subnet;
        }
        return Collections.unmodifiableMap(created);
    }

    private Workspace createWorkspace(String name, Output<String> managedResourceGroupId, Map<String, String> tags) {
        var keys = args.keys();
        var parameters = WorkspaceCustomParametersArgs.builder()
                .customVirtualNetworkId(string(vnet.id()))
                .customPublicSubnetName(string(Output.of(SpokeLayout.HOST)))
                .customPrivateSubnetName(string(Output.of(SpokeLayout.CONTAINER)))
                .enableNoPublicIp(bool(true))
                .requireInfrastructureEncryption(bool(true))
                .storageAccountName(string(Output.of(storageAccountName)))
                .storageAccountSkuName(string(Output.of(args.storageSku())));
        if (keys.dbfsRoot().isPresent()) {
            // Step 1 of 3 for a DBFS-root key: gives the storage account a managed identity to grant. It stays
            // true afterwards (turning it off would remove the identity the key grant is for).
            parameters.prepareEncryption(bool(true));
        }
        if (keys.appliesDbfsRootKey()) {
            // Step 3 of 3: the storage identity holds the key since the previous deployment.
            var key = keys.dbfsRoot().get();
            parameters.encryption(WorkspaceEncryptionParameterArgs.builder().value(EncryptionArgs.builder()
                    .keySource("Microsoft.Keyvault")
                    .keyName(key.keyName())
                    .keyVaultUri(key.keyVaultUri())
                    .keyVersion(key.keyVersion())
                    .build()).build());
        }
        var workspaceArgs = WorkspaceArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .workspaceName(workspaceName(args.naming(), args.spokeName()))
                .managedResourceGroupId(managedResourceGroupId)
                .sku(SkuArgs.builder().name("premium").build())
                .parameters(parameters.build())
                .publicNetworkAccess("Disabled")
                .requiredNsgRules("NoAzureDatabricksRules")
                .tags(tags);
        if (keys.appliesManagedServicesKey() || keys.managedDisk().isPresent()) {
            var entities = EncryptionEntitiesDefinitionArgs.builder();
            keys.managedServices().filter(k -> keys.appliesManagedServicesKey()).ifPresent(k -> entities.managedServices(EncryptionV2Args.builder()
                    .keySource("Microsoft.Keyvault")
                    .keyVaultProperties(EncryptionV2KeyVaultPropertiesArgs.builder()
                            .keyVaultUri(k.keyVaultUri()).keyName(k.keyName()).keyVersion(k.keyVersion()).build())
                    .build()));
            keys.managedDisk().ifPresent(k -> entities.managedDisk(ManagedDiskEncryptionArgs.builder()
                    .keySource("Microsoft.Keyvault")
                    .keyVaultProperties(ManagedDiskEncryptionKeyVaultPropertiesArgs.builder()
                            .keyVaultUri(k.keyVaultUri()).keyName(k.keyName()).keyVersion(k.keyVersion()).build())
                    .rotationToLatestKeyVersionEnabled(true)
                    .build()));
            workspaceArgs.encryption(WorkspacePropertiesEncryptionArgs.builder().entities(entities.build()).build());
        }
        // The workspace names its subnets by string, so it must wait for them explicitly: both must already
        // carry the delegation, the NSG and the route table.
        var waitFor = new ArrayList<Resource>(List.of(subnets.get(SpokeLayout.HOST), subnets.get(SpokeLayout.CONTAINER)));
        if (keys.appliesDbfsRootKey()) {
            waitFor.addAll(keys.dbfsRootGrants());
        }
        if (keys.appliesManagedServicesKey()) {
            // Nothing in the workspace's inputs refers to the grant: without this the two would race.
            waitFor.addAll(keys.managedServicesGrants());
        }
        return new Workspace(name + "-dbw", workspaceArgs.build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(args.common().protect())
                .dependsOn(waitFor)
                .build());
    }

    private void createEndpoints(String name, Output<String> managedResourceGroupId) {
        var hub = args.hub();
        // Transit side (hub): front-end and web-auth records. Workspace side (this spoke's zone): the back-end record.
        var databricksZone = hub.privateDnsZoneId(PrivateDnsZones.DATABRICKS);
        var spokeEndpoints = subnets.get(SpokeLayout.PRIVATE_ENDPOINTS).id();
        var workspaceEndpoints = new ArrayList<EndpointSpec>();
        // Every workspace has its back-end endpoint: NoAzureDatabricksRules is valid only with back-end Private Link.
        workspaceEndpoints.add(new EndpointSpec("backend", "databricks_ui_api", spokeEndpoints, workspaceZone.id()));
        if (args.role() == SpokeRole.WORKLOAD) {
            if (args.frontEndPrivateEndpoint()) {
                workspaceEndpoints.add(new EndpointSpec("frontend", "databricks_ui_api", hub.privateEndpointSubnetId(),
                        databricksZone));
            }
        } else {
            workspaceEndpoints.add(new EndpointSpec("webauth", "browser_authentication", hub.privateEndpointSubnetId(),
                    databricksZone));
        }
        var workspaceSet = new PrivateEndpointSet(name + "-dbw-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(args.naming())
                .targetName(args.spokeName() + "-dbw").targetType(PrivateLinkTarget.DATABRICKS_WORKSPACE)
                .targetId(workspace.id()).endpoints(workspaceEndpoints).common(args.common()).build(),
                ComponentResourceOptions.builder().parent(this).build());
        endpointSets.put("workspace", workspaceSet);

        var storageId = managedResourceGroupId.applyValue(rg -> rg + "/providers/Microsoft.Storage/storageAccounts/"
                + storageAccountName);
        var storageSet = new PrivateEndpointSet(name + "-dbfs-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(args.naming())
                .targetName(args.spokeName() + "-dbfs").targetType(PrivateLinkTarget.STORAGE_ACCOUNT)
                // The storage account is created by the workspace, inside its managed resource group.
                .targetId(workspace.id().apply(ignored -> storageId))
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "dfs", PrivateLinkTarget.STORAGE_ACCOUNT, "dfs", spokeEndpoints),
                        EndpointSpec.registeredIn(hub, "blob", PrivateLinkTarget.STORAGE_ACCOUNT, "blob", spokeEndpoints)))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());
        endpointSets.put("dbfs", storageSet);
    }

    /**
     * The workspace storage account (DBFS root) is created and firewalled by Databricks in the managed resource group;
     * its private endpoints add a private path but do not close the public one. Closing it needs
     * {@code defaultStorageFirewall: Enabled} with an access connector on the workspace (Microsoft.Databricks API
     * 2024-05-01, learn.microsoft.com/azure/databricks/security/network/storage/firewall-support), which azure-native
     * 2.10.0 cannot send.
     */
    static String dbfsPublicEndpointWarning(String name, String storageAccountName) {
        return "DatabricksSpoke '" + name + "': the workspace storage account " + storageAccountName + " (DBFS root) "
                + "stays reachable from the internet: its dfs/blob private endpoints add a private path but do not close "
                + "the public endpoint, and the managed resource group's deny assignment prevents changing its firewall. "
                + "Closing it needs defaultStorageFirewall: Enabled with an access connector (Microsoft.Databricks API "
                + "2024-05-01, a newer azure-native; see the README). Until then keep data out of DBFS root "
                + "(workspaceHardening.disableLegacyDbfs) and use Unity Catalog storage";
    }

    /**
     * What this spoke leaves open, for the plan's diagnostics.
     *
     * @return the warnings
     */
    public List<String> warnings() {
        return warnings;
    }

    private static WorkspaceCustomStringParameterArgs string(Output<String> value) {
        return WorkspaceCustomStringParameterArgs.builder().value(value).build();
    }

    private static WorkspaceCustomBooleanParameterArgs bool(boolean value) {
        return WorkspaceCustomBooleanParameterArgs.builder().value(value).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private CustomResourceOptions stateful() {
        return CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build();
    }

    /**
     * What a workload spoke's subnets need from the firewall: its host and container subnets in the Databricks source
     * group. A pure function of the planned layout, for the stack's {@link EgressPlan}; the web-auth workspace runs
     * no clusters and needs nothing.
     *
     * @param spokeName like analytics
     * @param layout    the spoke's layout, from {@link SpokeLayout#carve}
     * @return the source group for the firewall's plan
     */
    public static EgressPlan.Sources egressSources(String spokeName, SubnetLayout layout) {
        return EgressPlan.databricks(spokeName, List.of(layout.cidr(SpokeLayout.HOST).toString(),
                layout.cidr(SpokeLayout.CONTAINER).toString()));
    }

    /**
     * The resource group name the stack gives a spoke (deterministic, so other steps can look it up).
     *
     * @param naming    the stack's naming
     * @param spokeName like analytics
     * @return like {@code ztp-dev-analytics-rg}
     */
    public static String resourceGroupName(com.ztplatform.components.naming.Naming naming, String spokeName) {
        return naming.name(ResourceKind.RESOURCE_GROUP, spokeName, "rg");
    }

    /**
     * The workspace name of a spoke.
     *
     * @param naming    the stack's naming
     * @param spokeName like analytics
     * @return like {@code ztp-dev-analytics-dbw}
     */
    public static String workspaceName(com.ztplatform.components.naming.Naming naming, String spokeName) {
        return naming.name(ResourceKind.DATABRICKS_WORKSPACE, spokeName, "dbw");
    }

    // ---- typed outputs ----

    /**
     * The spoke's short name.
     *
     * @return like analytics
     */
    public String spokeName() {
        return args.spokeName();
    }

    /**
     * What the spoke is for.
     *
     * @return workload or web-auth
     */
    public SpokeRole role() {
        return args.role();
    }

    /**
     * The spoke's subnet layout.
     *
     * @return every subnet's block
     */
    public SubnetLayout layout() {
        return layout;
    }

    /**
     * The spoke VNet.
     *
     * @return its ARM id
     */
    public Output<String> vnetId() {
        return vnet.id();
    }

    /**
     * The spoke VNet's name.
     *
     * @return the name
     */
    public Output<String> vnetName() {
        return vnet.name();
    }

    /**
     * The spoke's subnets.
     *
     * @return subnet name to ARM id, in layout order
     */
    public Map<String, Output<String>> subnetIds() {
        var ids = new LinkedHashMap<String, Output<String>>();
        subnets.forEach((n, s) -> ids.put(n, s.id()));
        return Collections.unmodifiableMap(ids);
    }

    /**
     * The spoke's private-endpoint subnet, for endpoints of other resources in this spoke.
     *
     * @return its ARM id
     */
    public Output<String> privateEndpointSubnetId() {
        return subnets.get(SpokeLayout.PRIVATE_ENDPOINTS).id();
    }

    /**
     * The workspace's Azure resource id.
     *
     * @return the ARM id
     */
    public Output<String> workspaceResourceId() {
        return workspace.id();
    }

    /**
     * The workspace's numeric Databricks id.
     *
     * @return the id, as a string
     */
    public Output<String> workspaceId() {
        return workspace.workspaceId();
    }

    /**
     * The workspace's host name, which resolves to the private endpoints inside the network.
     *
     * @return like adb-1234567890123456.7.azuredatabricks.net
     */
    public Output<String> workspaceUrl() {
        return workspace.workspaceUrl();
    }

    /**
     * The workspace's DBFS-root storage account name (planned from the naming convention).
     *
     * @return the name
     */
    public String storageAccountName() {
        return storageAccountName;
    }

    /**
     * The resource group Azure Databricks manages for the workspace.
     *
     * @return the name
     */
    public String managedResourceGroupName() {
        return managedResourceGroupName;
    }

    /**
     * The identity of the workspace storage account (after prepareEncryption), to be granted the DBFS-root key.
     *
     * @return its principal id; empty before encryption is prepared
     */
    public Output<Optional<String>> storageIdentityPrincipalId() {
        return workspace.storageAccountIdentity().applyValue(i -> i.map(identity -> identity.principalId()));
    }

    /**
     * The identity of the managed-disk encryption set, to be granted the managed-disk key.
     *
     * @return its principal id; empty without a managed-disk key
     */
    public Output<Optional<String>> managedDiskIdentityPrincipalId() {
        return workspace.managedDiskIdentity().applyValue(i -> i.map(identity -> identity.principalId()));
    }

    /**
     * Private IPs of the workspace endpoints by key (backend, frontend or webauth).
     *
     * @return key to private IP
     */
    public Map<String, Output<String>> workspaceEndpointIps() {
        return endpointSets.get("workspace").privateIps();
    }

    /**
     * The workspace's private endpoints; anything that talks to the workspace API waits for them.
     *
     * @return the endpoint resources
     */
    public List<Resource> endpointsDone() {
        return endpointSets.values().stream().map(PrivateEndpointSet::last).toList();
    }

    /**
     * The azure-native workspace resource, for options like {@code dependsOn}.
     *
     * @return the workspace
     */
    public Workspace workspace() {
        return workspace;
    }
}
