package com.ztplatform.stack;

import com.pulumi.Context;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.databricks.DatabricksFunctions;
import com.pulumi.azurenative.databricks.inputs.GetWorkspaceArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.ai.AiServices;
import com.ztplatform.components.ai.AiServicesArgs;
import com.ztplatform.components.ai.ContainerRegistry;
import com.ztplatform.components.ai.ContainerRegistryArgs;
import com.ztplatform.components.ai.MachineLearningWorkspace;
import com.ztplatform.components.ai.MachineLearningWorkspaceArgs;
import com.ztplatform.components.aks.MachineLearningInference;
import com.ztplatform.components.aks.MachineLearningInferenceArgs;
import com.ztplatform.components.aks.PrivateAksCluster;
import com.ztplatform.components.aks.PrivateAksClusterArgs;
import com.ztplatform.components.alerts.PlatformAlerts;
import com.ztplatform.components.identity.DeploymentIdentity;
import com.ztplatform.components.identity.DeploymentIdentityArgs;
import com.ztplatform.components.alerts.PlatformAlertsArgs;
import com.ztplatform.components.alerts.Receivers;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.governance.PolicyAssignments;
import com.ztplatform.components.governance.PolicyAssignmentsArgs;
import com.ztplatform.components.governance.PolicyScope;
import com.ztplatform.stack.azurepolicy.Guardrails;
import com.ztplatform.components.integration.FunctionAppArgs;
import com.ztplatform.components.integration.PrivateFunctionApp;
import com.ztplatform.components.integration.ServiceBusNamespace;
import com.ztplatform.components.integration.ServiceBusNamespaceArgs;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.databricks.DatabricksSpoke;
import com.ztplatform.components.databricks.DatabricksSpokeArgs;
import com.ztplatform.components.databricks.SpokeLayout;
import com.ztplatform.components.databricks.SpokeRole;
import com.ztplatform.components.databricks.StorageEgressPolicy;
import com.ztplatform.components.lake.DataLake;
import com.ztplatform.components.lake.DataLakeArgs;
import com.ztplatform.components.lake.LakeSettings;
import com.ztplatform.components.databricks.WorkspaceKeys;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.deltasharing.DeltaSharing;
import com.ztplatform.components.deltasharing.DeltaSharingArgs;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.ztplatform.components.deltasharing.DeltaSharingSettings;
import com.ztplatform.components.lake.LakeStorage;
import com.ztplatform.components.lake.SharingStorage;
import com.ztplatform.components.lake.SharingStorageArgs;
import com.ztplatform.components.landing.OneLakeLanding;
import com.ztplatform.components.landing.OneLakeLandingArgs;
import com.ztplatform.components.monitoring.LogAnalytics;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.monitoring.SavedQueryStorage;
import com.ztplatform.components.monitoring.SavedQueryStorageArgs;
import com.ztplatform.components.monitoring.MonitorPrivateLinkScope;
import com.ztplatform.components.monitoring.MonitorPrivateLinkScopeArgs;
import com.ztplatform.components.network.GatewayRoutes;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.serverless.ServerlessEgress;
import com.ztplatform.components.serverless.ServerlessEgressArgs;
import com.ztplatform.components.serverless.ServerlessRouter;
import com.ztplatform.components.serverless.ServerlessRouterArgs;
import com.ztplatform.components.serverless.WorkspaceHardening;
import com.ztplatform.components.unitycatalog.UnityCatalog;
import com.ztplatform.components.unitycatalog.UnityCatalogArgs;
import com.ztplatform.stack.config.ConfigException;
import com.ztplatform.stack.config.PulumiConfigSource;
import com.ztplatform.stack.config.StackConfig;
import com.ztplatform.stack.config.StackConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The stack program: reads and validates the whole stack configuration, computes the {@link PlatformPlan} from it,
 * then composes the components in dependency order. The same code runs under {@code pulumi up} and in the offline
 * plan.
 *
 * <p>Order matters where Azure needs it: the egress path and the GatewaySubnet routes exist before the hub (they are
 * properties of hub subnets). The firewall's sources and rules come from the plan, so the spokes, the router and the
 * landing only take the firewall as their next hop.
 */
public final class PlatformProgram {
    private final Context ctx;
    private final StackConfig config;
    private final Naming naming;
    private final CommonOptions common;
    private final PlatformPlan plan;
    /** A lake given from outside the program (tests), until the stack builds its own; see {@link #lake}. */
    private final Optional<LakeStorage> givenLake;
    private CommonOptions withLogs;
    /** The one account-level provider of the stack (serverless egress and Unity Catalog share it). */
    private DatabricksProvider accountProvider;
    /** The service endpoint policy every Databricks spoke gets: this stack's storage accounts (set before spokes). */
    private StorageEgressPolicy storageEgress = StorageEgressPolicy.databricksOnly();
    /** Every resource group the stack creates, by key (the logical name without {@code -rg}): the policy scopes. */
    private final LinkedHashMap<String, ResourceGroup> resourceGroups = new LinkedHashMap<>();
    /**
     * Every storage account the stack creates, by account name, with the resource group (key of
     * {@link #resourceGroups}) it is in: resource-scoped rows of exemptions.json become Azure exemptions at these.
     */
    private final LinkedHashMap<String, com.ztplatform.stack.azurepolicy.Guardrails.PlacedResource> placedAccounts =
            new LinkedHashMap<>();

    private PlatformProgram(Context ctx, StackConfig config, Optional<LakeStorage> givenLake) {
        this.ctx = ctx;
        this.config = config;
        this.givenLake = givenLake;
        this.plan = PlatformPlan.of(config);
        this.naming = new Naming(config.namePrefix(), config.environment(), config.globalNameSuffix());
        this.common = CommonOptions.defaults()
                .withTags(config.tags().asMap())
                .withProtect(config.protect())
                .withLock(config.lock());
    }

    /**
     * Entry point for Pulumi. Configuration problems are reported all at once, without a stack trace.
     *
     * @param ctx the Pulumi context (project, stack, configuration, exports)
     */
    public static void run(Context ctx) {
        StackConfig config;
        try {
            config = StackConfigLoader.load(ctx.projectName(), new PulumiConfigSource(ctx));
        } catch (ConfigException e) {
            throw new RunException(e.getMessage());
        }
        config.warnings().forEach(w -> ctx.log().warn(w));
        compose(ctx, config);
    }

    /**
     * The resources of one stack, from a validated configuration.
     *
     * @param ctx    the Pulumi context the stack outputs are exported to
     * @param config the validated configuration
     * @return the components created, for the stack outputs and tests
     */
    public static Platform compose(Context ctx, StackConfig config) {
        return new PlatformProgram(ctx, config, Optional.empty()).compose();
    }

    /**
     * The resources of one stack over a governed lake built elsewhere (a test double, or a lake another stack owns):
     * Unity Catalog and Delta Sharing are composed on it when configured, instead of on the stack's own
     * {@code dataLake}.
     *
     * @param ctx    the Pulumi context the stack outputs are exported to
     * @param config the validated configuration
     * @param lake   the lake Unity Catalog is built on
     * @return the components created, for the stack outputs and tests
     */
    public static Platform compose(Context ctx, StackConfig config, LakeStorage lake) {
        return new PlatformProgram(ctx, config, Optional.of(lake)).compose();
    }

    private Platform compose() {
        var hubRg = resourceGroup("hub-rg", naming.name(ResourceKind.RESOURCE_GROUP, "hub", "rg"));
        var logs = new LogAnalytics("logs", LogAnalyticsArgs.builder().resourceGroupName(hubRg.name())
                .location(config.location()).naming(naming).retentionInDays(config.logs().retentionInDays())
                .existingWorkspaceId(config.logs().existingWorkspaceId()).common(common).build(), null);
        this.withLogs = common.withLogAnalyticsWorkspaceId(logs.workspaceId());

        var firewallConfig = config.firewall();
        var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(hubRg.name())
                .location(config.location()).naming(naming).mode(firewallConfig.egressMode())
                .publicIpPrefixLength(firewallConfig.publicIpPrefixLength())
                .forcedTunnelNextHopIp(firewallConfig.forcedTunnelNextHopIp()).common(withLogs).build(), null);
        var hub = hub(hubRg, egress);
        var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(naming)
                .settings(firewallConfig.settings()).plan(plan.egress()).common(withLogs).build(), null);
        var keyVault = keyVault(hubRg, hub);
        savedQueryStorage(hubRg, hub, logs, keyVault).flatMap(SavedQueryStorage::storageAccountId)
                .ifPresent(id -> placeAccount(SavedQueryStorage.accountName(naming), "hub", id));
        // During bootstrap the lake creates only its key identity and grant (the account follows next deployment).
        var lake = config.dataLake().map(settings -> dataLake(settings, hub, keyVault)).filter(l -> !l.bootstrapOnly());
        // Before the spokes: the staging account is one of the storage accounts their service endpoint policy allows.
        var landing = config.landing().map(l -> new OneLakeLanding("landing", OneLakeLandingArgs.builder()
                .resourceGroupName(hubRg.name()).location(config.location()).naming(naming).settings(l.settings())
                .hub(hub).egress(firewall)
                // The landing's credentials go to a vault of its own (READ on a Key Vault-backed scope reads the
                // whole vault), created under the platform vault's rules and audited to the same workspace.
                .azureDatabricksObjectId(config.keyVault().azureDatabricksObjectId())
                .stagingKey(storageKey(keyVault, KeyPurpose.LANDING_STAGING).orElse(null))
                .clientSecret(l.clientSecret()).common(withLogs).build(), null));
        landing.ifPresent(l -> l.warnings().forEach(w -> ctx.log().warn(w)));
        var sharingStorage = lake.flatMap(this::sharingStorage);
        lake.ifPresent(l -> placeAccount(com.ztplatform.components.lake.DataLake.accountName(naming), "lake", l.storageAccountId()));
        sharingStorage.ifPresent(s -> placeAccount(com.ztplatform.components.lake.SharingStorage.accountName(naming), "lake", s.storageAccountId()));
        landing.flatMap(OneLakeLanding::stagingAccountId).ifPresent(id -> placeAccount(OneLakeLanding.stagingAccountName(naming), "hub", id));
        var stackStorage = new ArrayList<Output<String>>();
        lake.ifPresent(l -> stackStorage.add(l.storageAccountId()));
        sharingStorage.ifPresent(s -> stackStorage.add(s.storageAccountId()));
        landing.flatMap(OneLakeLanding::stagingAccountId).ifPresent(stackStorage::add);
        this.storageEgress = StorageEgressPolicy.allowing(stackStorage);

        var spokes = new ArrayList<DatabricksSpoke>();
        var layers = new LinkedHashMap<String, WorkspaceLayer>();
        for (var spoke : config.spokes()) {
            var created = workloadSpoke(spoke, hub, firewall, keyVault);
            spokes.add(created);
            workspaceLayer(spoke.name(), created, keyVault).ifPresent(layer -> layers.put(spoke.name(), layer));
        }
        var webAuth = config.webAuth().map(w -> spoke(hub, firewall, StackConfig.WebAuth.SPOKE_NAME, SpokeRole.WEB_AUTH,
                w.addressSpace(), SpokeLayout.DEFAULT_DATABRICKS_PREFIX, SpokeLayout.DEFAULT_DATABRICKS_PREFIX,
                SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX, "Standard_ZRS", false, WorkspaceKeys.none()));
        var router = config.serverlessRouter().map(r -> {
            var rg = resourceGroup("router-rg", naming.name(ResourceKind.RESOURCE_GROUP, "router", "rg"));
            return new ServerlessRouter("serverless-router", ServerlessRouterArgs.builder().resourceGroupName(rg.name())
                    .location(config.location()).naming(naming).addressSpace(r.addressSpace()).hub(hub).egress(firewall)
                    .adminSshPublicKey(r.adminSshPublicKey()).vmSize(r.vmSize()).forwards(r.forwards())
                    .osDiskKey(keyVault.diskKey(KeyPurpose.ROUTER_DISK).orElseThrow()).common(withLogs)
                    .build(), null);
        });

        var serverless = serverless(spokes, webAuth, router, landing, lake, sharingStorage, keyVault, firewall);
        var landingJobs = new ArrayList<Output<String>>();
        landing.ifPresent(l -> Optional.ofNullable(layers.get(config.landing().orElseThrow().workspace())).ifPresent(layer ->
                l.deployJobs("landing", layer.spoke(), layer.provider(), landingJobJar(), firewall.egressIps(), List.of())
                        .forEach(job -> landingJobs.add(job.id()))));
        var governed = governedData(givenLake.or(() -> lake.map(LakeStorage.class::cast)), sharingStorage, layers);
        var ai = config.ai().map(a -> ai(a, hub, firewall, keyVault));
        var integration = config.integration().map(i -> integration(i, hub, firewall, keyVault));
        ai.flatMap(AiPlatform::machineLearning).ifPresent(m -> placeAccount(com.ztplatform.components.ai.MachineLearningWorkspace.accountName(naming), "ai",
                m.storageAccountId()));
        integration.ifPresent(i -> placeAccount(
                com.ztplatform.components.integration.PrivateFunctionApp.accountName(naming), "integration",
                i.functions().storageAccountId()));
        var aks = config.aks().map(a -> aks(a, hub, firewall, ai.flatMap(AiPlatform::registry)));
        aks.ifPresent(cluster -> ai.flatMap(AiPlatform::machineLearning).ifPresent(ml -> config.aks().orElseThrow()
                .machineLearning().ifPresent(m -> machineLearningInference(cluster, ml, m))));
        var flowLogs = flowLogs(hubRg, logs, keyVault, hub, spokes, webAuth, router, ai.flatMap(AiPlatform::machineLearning),
                aks, integration.map(IntegrationPlatform::functions));
        flowLogs.storageAccountId().ifPresent(id -> placeAccount(
                com.ztplatform.components.monitoring.VnetFlowLogs.accountName(naming), "hub", id));
        var monitorScope = config.logs().privateLinkScope()
                ? Optional.of(monitorPrivateLinkScope(hubRg, hub, logs, ai, integration)) : Optional.<MonitorPrivateLinkScope>empty();
        config.alerts().ifPresentOrElse(a -> alerts(a, hubRg, logs, landingJobs), () -> ctx.log().warn(
                "no alerts section: nobody is told of firewall denies, refused vault or storage access, failed landing "
                        + "runs, network or policy changes, or of cost beyond a budget; set alerts.emails"));
        var deploymentIdentity = config.deploymentIdentity().map(this::deploymentIdentity);
        if (deploymentIdentity.isEmpty()) {
            ctx.log().warn("no deploymentIdentity section: CI signs in as an identity set up by hand; set "
                    + "deploymentIdentity.githubRepository to create the GitHub OIDC identities with least privilege");
        }
        var guardrails = guardrails(logs);
        if (webAuth.isEmpty() && !spokes.isEmpty()) {
            ctx.log().warn("no webAuth workspace: browsers cannot complete single sign-on to workspaces whose public "
                    + "access is disabled; set webAuth.addressSpace to deploy the region's web-auth workspace");
        }
        spokes.forEach(s -> s.warnings().forEach(w -> ctx.log().warn(w)));
        webAuth.ifPresent(s -> s.warnings().forEach(w -> ctx.log().warn(w)));
        firewall.warnings().forEach(w -> ctx.log().warn(w));
        firewall.notes().forEach(n -> ctx.log().info(n));

        var platform = new Platform(config, plan, hubRg, logs, egress, hub, firewall, keyVault, List.copyOf(spokes), webAuth,
                serverless, landing, lake, governed.unityCatalog(), governed.deltaSharing(), sharingStorage,
                ai.flatMap(AiPlatform::registry), ai.flatMap(AiPlatform::aiServices),
                ai.flatMap(AiPlatform::machineLearning),
                integration.map(IntegrationPlatform::serviceBus), integration.map(IntegrationPlatform::functions), aks,
                guardrails, monitorScope, deploymentIdentity);
        StackOutputs.export(ctx, platform);
        return platform;
    }

    /**
     * VNet flow logs with traffic analytics for every VNet the stack creates: the hub, the Databricks spokes and the
     * other spokes (router, machine learning compute, AKS, functions). Azure Policy's "Audit flow logs configuration
     * for every virtual network" and the pack's vnet-flow-logs check the same set.
     */
    private com.ztplatform.components.monitoring.VnetFlowLogs flowLogs(ResourceGroup hubRg, LogAnalytics logs,
            KeyVaultScope keyVault, HubNetwork hub, List<DatabricksSpoke> spokes, Optional<DatabricksSpoke> webAuth,
            Optional<ServerlessRouter> router, Optional<MachineLearningWorkspace> ml, Optional<PrivateAksCluster> aks,
            Optional<PrivateFunctionApp> functions) {
        var args = com.ztplatform.components.monitoring.VnetFlowLogsArgs.builder().resourceGroupName(hubRg.name())
                .location(config.location()).naming(naming).workspace(logs).settings(config.logs().flowLogs())
                .storageKey(storageKey(keyVault, KeyPurpose.FLOW_LOG_STORAGE).orElseThrow())
                .bootstrap(config.bootstrap()).common(withLogs)
                .vnet("hub", hub.vnetId());
        for (int i = 0; i < spokes.size(); i++) {
            args.vnet(config.spokes().get(i).name(), spokes.get(i).vnetId());
        }
        webAuth.ifPresent(w -> args.vnet(StackConfig.WebAuth.SPOKE_NAME, w.vnetId()));
        router.ifPresent(r -> args.vnet("router", r.vnetId()));
        ml.ifPresent(m -> args.vnet("ml", m.vnetId()));
        aks.ifPresent(a -> args.vnet("aks", a.vnetId()));
        functions.ifPresent(f -> args.vnet("func", f.vnetId()));
        return new com.ztplatform.components.monitoring.VnetFlowLogs("flowlogs", args.build(), null);
    }

    /**
     * The customer storage account of the workspace's saved queries and saved log alert queries, under the vault's
     * key, when the stack creates the workspace (an existing central workspace is its owners' to link).
     */
    private Optional<SavedQueryStorage> savedQueryStorage(ResourceGroup hubRg, HubNetwork hub, LogAnalytics logs,
                                                          KeyVaultScope keyVault) {
        return logs.created().map(workspace -> new SavedQueryStorage("saved-queries", SavedQueryStorageArgs.builder()
                .resourceGroupName(hubRg.name()).naming(naming).workspace(workspace)
                .encryptionKey(storageKey(keyVault, KeyPurpose.SAVED_QUERIES).orElseThrow())
                .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                .blobPrivateDnsZoneId(hub.privateDnsZoneId(PrivateDnsZones.BLOB))
                .bootstrap(config.bootstrap()).common(withLogs).build(), null));
    }

    /**
     * The vault's key for {@code purpose} in this deployment's phase: in the bootstrap deployment, which makes the
     * accounts' grants on their keys, the grants are pending (see {@link StorageEncryptionKey#grantPending}).
     * Every storage account's key comes through here, so the phase is decided once.
     */
    private Optional<StorageEncryptionKey> storageKey(KeyVaultScope keyVault, KeyPurpose purpose) {
        return keyVault.storageKey(purpose).map(k -> k.withGrantPending(config.bootstrap()));
    }

    /**
     * Records a storage account the stack created, by the name its component defines, in the resource group
     * {@code rgKey}.
     */
    private void placeAccount(String accountName, String rgKey, Output<String> id) {
        placedAccounts.put(accountName, new Guardrails.PlacedResource(rgKey, id));
    }

    private ResourceGroup resourceGroup(String logicalName, String resourceGroupName) {
        var rg = new ResourceGroup(logicalName, ResourceGroupArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(config.location())
                .tags(common.sortedTags())
                .build(), CustomResourceOptions.builder().protect(config.protect()).build());
        resourceGroups.put(logicalName.replaceFirst("-rg$", ""), rg);
        return rg;
    }

    /**
     * The Azure Policy guardrails: Microsoft's built-ins matching the policy pack ({@link Guardrails#RULES}) as one
     * initiative, assigned at every platform resource group (or the configured scope), with the stack's exemptions.
     */
    private Optional<PolicyAssignments> guardrails(LogAnalytics logs) {
        var settings = config.azurePolicy();
        if (!settings.enabled()) {
            ctx.log().warn("azurePolicy.enabled is false: no Azure Policy guardrails are assigned; only the policy pack "
                    + "checks the stack, at preview");
            return Optional.empty();
        }
        var custom = settings.scope().map(s -> new PolicyScope("stack", Output.of(s)));
        var scopes = custom.map(List::of).orElseGet(() -> resourceGroups.entrySet().stream()
                .map(e -> new PolicyScope(e.getKey(), e.getValue().id())).toList());
        var members = Guardrails.guardrails(config.location(), StackConfig.MandatoryTags.MANDATORY);
        // With one configured scope, every exemption hangs off its one assignment.
        var placed = new java.util.LinkedHashMap<String, Guardrails.PlacedResource>();
        placedAccounts.forEach((account, at) -> placed.put(account,
                custom.isPresent() ? new Guardrails.PlacedResource("stack", at.id()) : at));
        var workspaceScope = config.logs().existingWorkspaceId().isPresent() ? null
                : custom.isPresent() ? (settings.scope().get().contains("/resourceGroups/") ? null : "stack") : "hub";
        return Optional.of(new PolicyAssignments("guardrails", PolicyAssignmentsArgs.builder().naming(naming)
                .location(config.location()).scopes(scopes).guardrails(members)
                .enforcement(settings.enforcement()).workspaceId(logs.workspaceId()).workspaceScopeKey(workspaceScope)
                .exemptions(Guardrails.exemptions(config.environment(), members, placed)).build(), null));
    }

    private HubNetwork hub(ResourceGroup hubRg, EgressPath egress) {
        var hubConfig = config.hub();
        // VPN clients must not reach the spokes around the firewall: route every spoke prefix via the firewall.
        var gatewayRoutes = hubConfig.vpn().map(v -> new GatewayRoutes("gw-routes", hubRg.name(), config.location(),
                naming, HubLayout.firewallPrivateIp(hubConfig.layout()), plan.spokePrefixes(), common, null));
        return new HubNetwork("hub", HubNetworkArgs.builder()
                .resourceGroupName(hubRg.name())
                .location(config.location())
                .naming(naming)
                .addressSpace(hubConfig.addressSpace().toString())
                .privateEndpointSubnetPrefix(hubConfig.privateEndpointSubnetPrefix())
                .firewallManagementSubnet(hubConfig.firewallManagementSubnet())
                .bastion(hubConfig.bastion().orElse(null))
                .vpn(hubConfig.vpn().orElse(null))
                .dnsResolver(hubConfig.dnsResolver().orElse(null))
                .privateDnsZones(hubZones())
                .firewallSubnetNatGatewayId(egress.natGatewayId().orElse(null))
                .firewallSubnetRouteTableId(egress.firewallSubnetRouteTableId().orElse(null))
                .gatewaySubnetRouteTableId(gatewayRoutes.map(GatewayRoutes::routeTableId).orElse(null))
                .common(withLogs)
                .build(), null);
    }

    /**
     * The hub's zones: the configured ones, plus the region's AKS zone when the stack has a cluster and the Azure
     * Monitor zones when it has the private link scope (an explicit list must name them; the loader says so).
     */
    private List<String> hubZones() {
        var zones = new ArrayList<>(config.hub().privateDnsZones());
        config.aks().map(a -> PrivateAksClusterArgs.privateDnsZone(config.location()))
                .filter(zone -> !zones.contains(zone)).ifPresent(zones::add);
        if (config.logs().privateLinkScope()) {
            PrivateDnsZones.AZURE_MONITOR.stream().filter(zone -> !zones.contains(zone)).forEach(zones::add);
        }
        return zones;
    }

    private KeyVaultScope keyVault(ResourceGroup hubRg, HubNetwork hub) {
        var kv = config.keyVault();
        return new KeyVaultScope("kv", KeyVaultScopeArgs.builder()
                .resourceGroupName(hubRg.name())
                .location(config.location())
                .naming(naming)
                .sku(kv.sku())
                .hsmKeys(kv.hsmKeys())
                .keys(keyPurposes())
                .rotation(kv.rotation())
                .azureDatabricksObjectId(kv.azureDatabricksObjectId().orElse(null))
                .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT))
                .common(withLogs)
                .build(), null);
    }

    /**
     * The configured workspace keys, plus the key of each storage account and disk the stack creates: the data lake's,
     * the landing staging account's, the router disk's, the flow logs', the machine learning workspace's and the
     * function app's storage (a key only with its consumer).
     */
    private java.util.Set<KeyPurpose> keyPurposes() {
        var purposes = java.util.EnumSet.noneOf(KeyPurpose.class);
        purposes.addAll(config.keyVault().customerManagedKeys());
        config.dataLake().ifPresent(l -> purposes.add(KeyPurpose.DATA_LAKE));
        config.landing().filter(l -> l.settings().mode() == com.ztplatform.components.landing.LandingMode.STAGED)
                .ifPresent(l -> purposes.add(KeyPurpose.LANDING_STAGING));
        config.serverlessRouter().ifPresent(r -> purposes.add(KeyPurpose.ROUTER_DISK));
        // The saved-query account of a workspace the stack creates (SavedQueryStorage).
        if (config.logs().existingWorkspaceId().isEmpty()) {
            purposes.add(KeyPurpose.SAVED_QUERIES);
        }
        // Every stack has VNet flow logs; the other storage keys only with the account that uses them.
        purposes.add(KeyPurpose.FLOW_LOG_STORAGE);
        config.ai().flatMap(StackConfig.Ai::machineLearning).ifPresent(m -> purposes.add(KeyPurpose.ML_STORAGE));
        config.integration().ifPresent(i -> purposes.add(KeyPurpose.FUNCTION_STORAGE));
        return purposes;
    }

    /** The governed data lake in its own resource group, encrypted with the vault's lake key. */
    private DataLake dataLake(LakeSettings settings, HubNetwork hub, KeyVaultScope keyVault) {
        var rg = resourceGroup("lake-rg", naming.name(ResourceKind.RESOURCE_GROUP, "lake", "rg"));
        return new DataLake("lake", DataLakeArgs.builder().resourceGroupName(rg.name()).location(config.location())
                .naming(naming).settings(settings).hub(hub).encryptionKey(keyVault.lakeKey().orElseThrow())
                .bootstrap(config.bootstrap()).common(withLogs).build(), null);
    }

    /**
     * The Delta Sharing account beside the lake, when sharing is enabled with at least one recipient and Unity Catalog
     * is configured: its public endpoint admits exactly the recipients' declared networks, so they can download the
     * shared files while the lake stays closed (SharingStorage says why).
     */
    private Optional<SharingStorage> sharingStorage(DataLake lake) {
        if (config.unityCatalog().isEmpty()) {
            return Optional.empty();
        }
        return config.deltaSharing().filter(DeltaSharingSettings::needsSharingStorage).map(d -> new SharingStorage(
                "sharing", SharingStorageArgs.builder().lake(lake).ipRules(d.storageIpRules()).build(), null));
    }

    /**
     * The built landing job jar and its SHA-256, read at plan time from the project root (the directory with
     * Pulumi.yaml, the working directory Pulumi runs the program in, from which the relative upload source resolves).
     */
    private static com.ztplatform.components.landing.JobJar landingJobJar() {
        try {
            var root = com.ztplatform.stack.plan.StackFiles.findProjectRoot(java.nio.file.Path.of(""));
            return com.ztplatform.components.landing.JobJar.built(root);
        } catch (java.io.IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** A workload spoke with its customer-managed keys, in the DBFS-root stage this deployment is at. */
    private DatabricksSpoke workloadSpoke(StackConfig.Spoke spoke, HubNetwork hub, EgressFirewall firewall,
                                          KeyVaultScope keyVault) {
        var purposes = config.keyVault().customerManagedKeys();
        var stage = config.bootstrap() ? WorkspaceKeys.KeyStage.PREPARE : WorkspaceKeys.KeyStage.APPLY;
        List<Resource> dbfsGrants = List.of();
        if (purposes.contains(KeyPurpose.DBFS_ROOT) && stage == WorkspaceKeys.KeyStage.APPLY) {
            // Step 2 of the DBFS-root sequence, read from the workspace as it exists since the first deployment,
            // so the key can be applied in this one without a dependency cycle.
            var existing = DatabricksFunctions.getWorkspace(GetWorkspaceArgs.builder()
                    .resourceGroupName(DatabricksSpoke.resourceGroupName(naming, spoke.name()))
                    .workspaceName(DatabricksSpoke.workspaceName(naming, spoke.name()))
                    .build());
            dbfsGrants = List.of(grantDbfsRoot(keyVault, spoke.name(), existing.applyValue(w -> w.storageAccountIdentity()
                    .map(i -> i.principalId()).orElseThrow(() -> new IllegalStateException("workspace " + w.name()
                            + " has no storage identity: deploy once with bootstrap: true so it is prepared for encryption")))));
        }
        var keys = new WorkspaceKeys(keyVault.customerManagedKey(KeyPurpose.MANAGED_SERVICES),
                keyVault.customerManagedKey(KeyPurpose.MANAGED_DISK), keyVault.customerManagedKey(KeyPurpose.DBFS_ROOT),
                stage, dbfsGrants, keyVault.managedServicesGrant().stream().map(Resource.class::cast).toList());
        var created = spoke(hub, firewall, spoke.name(), SpokeRole.WORKLOAD, spoke.addressSpace(),
                spoke.hostSubnetPrefix(), spoke.containerSubnetPrefix(), spoke.privateEndpointSubnetPrefix(),
                spoke.storageSku(), spoke.frontEndPrivateEndpoint(), keys);
        if (purposes.contains(KeyPurpose.DBFS_ROOT) && stage == WorkspaceKeys.KeyStage.PREPARE) {
            grantDbfsRoot(keyVault, spoke.name(), created.storageIdentityPrincipalId().applyValue(id -> id.orElse("")));
        }
        if (purposes.contains(KeyPurpose.MANAGED_DISK)) {
            keyVault.grantKeyUse("grant-" + spoke.name() + "-managed-disk", KeyPurpose.MANAGED_DISK,
                    created.managedDiskIdentityPrincipalId().applyValue(id -> id.orElse("")),
                    "the workspace's disk encryption set encrypts cluster disks with this key");
        }
        return created;
    }

    private static Resource grantDbfsRoot(KeyVaultScope keyVault, String spoke, Output<String> principalId) {
        return keyVault.grantKeyUse("grant-" + spoke + "-dbfs-root", KeyPurpose.DBFS_ROOT, principalId,
                "the workspace storage account encrypts DBFS root with this key");
    }

    /**
     * The workspace-level layer (secret scope, hardening), through a provider that must reach the workspace's
     * front-end endpoint; absent during bootstrap.
     */
    private Optional<WorkspaceLayer> workspaceLayer(String name, DatabricksSpoke spoke, KeyVaultScope keyVault) {
        if (config.bootstrap()) {
            return Optional.empty();
        }
        var provider = DatabricksProvider.workspace("dbx-" + name, spoke.workspaceUrl(), spoke.workspaceResourceId(),
                databricksAuth(), CustomResourceOptions.builder().parent(spoke).dependsOn(spoke.endpointsDone()).build());
        var scope = keyVault.secretScope("dbx-" + name + "-scope", config.keyVault().secretScopeName(), provider, spoke);
        var hardening = new WorkspaceHardening("harden-" + name, config.hardening(), provider,
                ComponentResourceOptions.builder().parent(spoke).build());
        hardening.warnings().forEach(w -> ctx.log().warn(w));
        return Optional.of(new WorkspaceLayer(spoke, provider, scope));
    }

    private Optional<ServerlessEgress> serverless(List<DatabricksSpoke> spokes, Optional<DatabricksSpoke> webAuth,
                                                  Optional<ServerlessRouter> router, Optional<OneLakeLanding> landing,
                                                  Optional<DataLake> lake, Optional<SharingStorage> sharing,
                                                  KeyVaultScope keyVault,
                                                  EgressFirewall firewall) {
        if (config.serverless().isEmpty()) {
            ctx.log().warn("no serverless settings: serverless compute of these workspaces keeps Databricks' default "
                    + "(unrestricted) egress; set serverless.accountId to restrict it to the firewall's allowlist");
            return Optional.empty();
        }
        var settings = config.serverless().get();
        var accountProvider = accountProvider(settings.accountId());
        var workspaces = new ArrayList<ServerlessEgressArgs.Workspace>();
        spokes.forEach(s -> workspaces.add(new ServerlessEgressArgs.Workspace(s.spokeName(), s.workspaceId())));
        webAuth.ifPresent(w -> workspaces.add(new ServerlessEgressArgs.Workspace(w.spokeName(), w.workspaceId())));
        var platformStorage = new ArrayList<ServerlessEgressArgs.StorageTarget>();
        landing.flatMap(OneLakeLanding::stagingAccountId).ifPresent(id -> platformStorage.add(
                new ServerlessEgressArgs.StorageTarget(id, naming.name(ResourceKind.STORAGE_ACCOUNT, "landing"),
                        List.of("dfs", "blob"))));
        // Serverless compute reaches the lake only through NCC private endpoints (its firewall admits no network).
        lake.ifPresent(l -> platformStorage.add(new ServerlessEgressArgs.StorageTarget(l.storageAccountId(),
                DataLake.accountName(naming), DataLake.PRIVATE_ENDPOINT_GROUP_IDS)));
        // ... and the sharing account the same way (its public endpoint admits only recipients' networks).
        sharing.ifPresent(s -> platformStorage.add(new ServerlessEgressArgs.StorageTarget(s.storageAccountId(),
                SharingStorage.accountName(naming), DataLake.PRIVATE_ENDPOINT_GROUP_IDS)));
        var platformVaults = landing.flatMap(OneLakeLanding::keyVault)
                .map(kv -> List.of(new ServerlessEgressArgs.VaultTarget("landing-kv", kv.vaultId()))).orElse(List.of());
        var serverless = new ServerlessEgress("serverless", ServerlessEgressArgs.builder()
                .accountProvider(accountProvider).region(config.location()).naming(naming).settings(settings)
                .workspaces(workspaces).keyVaultId(keyVault.vaultId()).firewallRules(firewall.ruleCollectionGroups())
                .platformStorage(platformStorage).platformVaults(platformVaults).common(common).build(), null);
        router.ifPresent(r -> serverless.privateLinkServiceRule("serverless-router-pls", r.privateLinkServiceId(),
                r.domainNames()));
        serverless.notExpressible().forEach(entry -> ctx.log().warn(
                "serverless network policy cannot express firewall entry " + entry));
        return Optional.of(serverless);
    }

    private DatabricksProvider accountProvider(String accountId) {
        // One provider for the account: the loader refuses two different account ids.
        if (accountProvider == null) {
            accountProvider = DatabricksProvider.account("dbx-account", Output.of(accountId), databricksAuth(), null);
        }
        return accountProvider;
    }

    /**
     * Unity Catalog over the lake and Delta Sharing of its catalogs, when configured and when the stack has a lake
     * and its workspace layer (not during bootstrap); otherwise says why not.
     */
    private GovernedData governedData(Optional<LakeStorage> lake, Optional<SharingStorage> sharingStorage,
                                      LinkedHashMap<String, WorkspaceLayer> layers) {
        var none = new GovernedData(Optional.empty(), Optional.empty());
        if (config.unityCatalog().isEmpty()) {
            return none;
        }
        if (lake.isEmpty()) {
            ctx.log().warn("unityCatalog is configured but the stack has no data lake: Unity Catalog and Delta Sharing "
                    + "are not composed until it has one");
            return none;
        }
        if (layers.isEmpty()) {
            ctx.log().warn("unityCatalog waits for the workspace layer (bootstrap: true, or no workload spoke): "
                    + "it is composed by the next deployment");
            return none;
        }
        var uc = config.unityCatalog().get();
        var sharing = config.deltaSharing().filter(d -> d.enabled());
        var workspaces = layers.entrySet().stream().map(e -> new UnityCatalogArgs.Workspace(e.getKey(),
                e.getValue().spoke().workspaceId(), e.getValue().provider())).toList();
        var args = UnityCatalogArgs.builder().accountProvider(accountProvider(uc.accountId()))
                .region(config.location()).naming(naming).lake(lake.get()).settings(uc.settings())
                .workspaces(workspaces).adminWorkspace(uc.adminWorkspace().orElse(null))
                .externalSharing(sharing.isPresent())
                .tokenLifetimeSeconds(sharing.flatMap(d -> d.tokenLifetimeSeconds()).orElse(null))
                .sharing(sharingStorage.map(s -> new UnityCatalogArgs.Sharing(s.containerUrl(), s.dataReady()))
                        .orElse(null))
                .common(common).build();
        var catalog = new UnityCatalog("unity-catalog", args, null);
        if (sharing.isPresent() && sharing.get().hasOpenRecipients() && !uc.settings().createsMetastore()) {
            ctx.log().warn("deltaSharing.tokenLifetimeDays is a setting of the metastore, which another stack owns "
                    + "(unityCatalog.existingMetastoreId): its owner sets the recipient token lifetime there");
        }
        var deltaSharing = sharing.map(d -> new DeltaSharing("delta-sharing", DeltaSharingArgs.builder()
                .provider(args.admin().provider()).naming(naming).settings(d).catalogs(catalog.catalogNames())
                .dependsOn(catalog.catalogs()).build(), null));
        return new GovernedData(Optional.of(catalog), deltaSharing);
    }

    /**
     * The AI platform in its own resource group: the registry and the AI services account, each behind a private
     * endpoint in the hub and registered in the hub's zones, logging to the platform workspace. Neither sends traffic
     * from the platform's networks, so neither contributes firewall rules (egress.md says why).
     */
    private AiPlatform ai(StackConfig.Ai settings, HubNetwork hub, EgressFirewall firewall, KeyVaultScope keyVault) {
        var rg = resourceGroup("ai-rg", naming.name(ResourceKind.RESOURCE_GROUP, "ai", "rg"));
        var registry = settings.containerRegistry().map(r -> new ContainerRegistry("acr", ContainerRegistryArgs.builder()
                .resourceGroupName(rg.name()).location(config.location()).naming(naming).hub(hub)
                .zoneRedundant(r.zoneRedundant()).common(withLogs).build(), null));
        var account = settings.aiServices().map(a -> new AiServices("ai", AiServicesArgs.builder()
                .resourceGroupName(rg.name()).location(config.location()).naming(naming).hub(hub)
                .customSubdomain(a.customSubdomain().orElse(null)).allowedFqdns(a.allowedFqdns())
                .deployments(a.deployments()).common(withLogs).build(), null));
        // Its compute subnet and outbound rules are already in the firewall's plan (PlatformPlan.egress).
        var machineLearning = settings.machineLearning().map(m -> new MachineLearningWorkspace("ml",
                MachineLearningWorkspaceArgs.builder().resourceGroupName(rg.name()).location(config.location())
                        .naming(naming).hub(hub).egress(firewall).computeAddressSpace(m.computeAddressSpace())
                        .containerRegistryId(registry.map(ContainerRegistry::registryId).orElse(null))
                        .highBusinessImpact(PlatformPlan.highBusinessImpact(config))
                        .storageKey(storageKey(keyVault, KeyPurpose.ML_STORAGE).orElseThrow()).common(withLogs).build(), null));
        return new AiPlatform(registry, account, machineLearning);
    }

    /**
     * The private integration in its own resource group: the Service Bus namespace (endpoint in the hub) and the
     * function app in its own peered VNet whose subnet the firewall admits as the {@code integration} source group
     * (planned in {@link PlatformPlan#egress}). The functions identity reads the platform vault's secrets.
     */
    private IntegrationPlatform integration(StackConfig.Integration settings, HubNetwork hub, EgressFirewall firewall,
                                            KeyVaultScope keyVault) {
        var rg = resourceGroup("integration-rg", naming.name(ResourceKind.RESOURCE_GROUP, "integration", "rg"));
        var bus = new ServiceBusNamespace("bus", ServiceBusNamespaceArgs.builder().resourceGroupName(rg.name())
                .location(config.location()).naming(naming).hub(hub).capacity(settings.capacity())
                .zoneRedundant(settings.zoneRedundant()).queues(settings.queues()).topics(settings.topics())
                .common(withLogs).build(), null);
        var functions = new PrivateFunctionApp("func", FunctionAppArgs.builder().resourceGroupName(rg.name())
                .location(config.location()).naming(naming).hub(hub).egress(firewall)
                .addressSpace(settings.addressSpace()).planSku(settings.planSku()).storageSku(settings.storageSku())
                .serviceBus(bus).queueName(settings.queue()).keyVault(keyVault.vaultId(), keyVault.vaultUri())
                .storageKey(storageKey(keyVault, KeyPurpose.FUNCTION_STORAGE).orElseThrow())
                .common(withLogs).build(), null);
        return new IntegrationPlatform(bus, functions);
    }

    /**
     * The one Azure Monitor Private Link Scope of the platform's DNS, in the hub: the platform workspace and every
     * Application Insights component the stack creates (the function app's, the machine learning workspace's) are its
     * scoped resources, since its PrivateOnly modes cut the platform's networks off from any other.
     */
    private MonitorPrivateLinkScope monitorPrivateLinkScope(ResourceGroup hubRg, HubNetwork hub, LogAnalytics logs,
                                                            Optional<AiPlatform> ai,
                                                            Optional<IntegrationPlatform> integration) {
        var args = MonitorPrivateLinkScopeArgs.builder().resourceGroupName(hubRg.name()).location(config.location())
                .naming(naming).hub(hub).scopedResource("law", logs.workspaceId());
        integration.ifPresent(i -> args.scopedResource("func-appi", i.functions().insightsId()));
        ai.flatMap(AiPlatform::machineLearning).ifPresent(m -> args.scopedResource("ml-appi", m.insightsId()));
        return new MonitorPrivateLinkScope("ampls", args.common(common).build(), null);
    }

    private record IntegrationPlatform(ServiceBusNamespace serviceBus, PrivateFunctionApp functions) {
    }

    private record AiPlatform(Optional<ContainerRegistry> registry, Optional<AiServices> aiServices,
                              Optional<MachineLearningWorkspace> machineLearning) {
    }

    /**
     * The private AKS cluster in its own resource group and spoke; its node subnet and required hosts are already in
     * the firewall's plan ({@link PlatformPlan#egress}). The kubelet may pull from the AI platform's registry when the
     * stack has one, and from nothing else private.
     */
    private PrivateAksCluster aks(com.ztplatform.components.aks.AksSettings settings, HubNetwork hub,
                                  EgressFirewall firewall, Optional<ContainerRegistry> registry) {
        var rg = resourceGroup("aks-rg", naming.name(ResourceKind.RESOURCE_GROUP, "aks", "rg"));
        return new PrivateAksCluster("aks", PrivateAksClusterArgs.builder().resourceGroupName(rg.name())
                .location(config.location()).naming(naming).settings(settings).hub(hub).egress(firewall)
                .registryId(registry.map(ContainerRegistry::registryId).orElse(null)).common(withLogs).build(), null);
    }

    /**
     * The cluster attached to the machine learning workspace as inference compute (only when the stack has both and
     * {@code aks.machineLearning.attach} is not false); the extension's hosts are already in the firewall's plan.
     */
    private MachineLearningInference machineLearningInference(PrivateAksCluster cluster, MachineLearningWorkspace ml,
                                                              com.ztplatform.components.aks.InferenceSettings settings) {
        return new MachineLearningInference("aks-ml", MachineLearningInferenceArgs.builder().cluster(cluster)
                .workspaceResourceGroupName(ml.resourceGroupName()).workspaceName(ml.workspaceName())
                .workspacePrincipalId(ml.principalId()).location(config.location()).settings(settings)
                .common(common).build(), null);
    }

    /**
     * The action group, the alerts on the platform workspace and the subscription's activity log, and the
     * environment's budget, in the hub resource group. The webhook URLs stay inside the secret they were read from.
     */
    private PlatformAlerts alerts(StackConfig.Alerts settings, ResourceGroup hubRg, LogAnalytics logs,
                                  List<Output<String>> landingJobs) {
        var webhooks = settings.webhookNames().stream().map(name -> new Receivers.Webhook(name,
                settings.webhookUrls().orElseThrow().applyValue(json -> com.google.gson.JsonParser.parseString(json)
                        .getAsJsonObject().get(name).getAsString()).asSecret())).toList();
        return new PlatformAlerts("alerts", PlatformAlertsArgs.builder()
                .resourceGroupName(hubRg.name()).location(config.location()).naming(naming)
                .workspaceId(logs.workspaceId())
                .subscriptionId(AuthorizationFunctions.getClientConfig().applyValue(c -> c.subscriptionId()))
                .receivers(new Receivers(settings.emails(), webhooks))
                .databricksSubnets(plan.egress().addressesByGroup().getOrDefault(SourceGroups.DATABRICKS, List.of()))
                .landingJobIds(landingJobs).storagePublicRanges(settings.storagePublicRanges())
                .thresholds(settings.thresholds()).budget(settings.budget()).common(common).build(), null);
    }

    /**
     * The GitHub OIDC identities in a resource group of their own (so deleting a workload group never removes the
     * identity that deploys it), with the deployment roles at the configured scope or the subscription.
     */
    private DeploymentIdentity deploymentIdentity(StackConfig.DeploymentIdentity settings) {
        var rg = resourceGroup("deploy-rg", naming.name(ResourceKind.RESOURCE_GROUP, "deploy", "rg"));
        var scope = settings.scope().map(Output::of).orElseGet(() -> AuthorizationFunctions.getClientConfig()
                .applyValue(c -> "/subscriptions/" + c.subscriptionId()));
        return new DeploymentIdentity("ci", DeploymentIdentityArgs.builder().resourceGroupName(rg.name())
                .location(config.location()).naming(naming).githubRepository(settings.githubRepository())
                .environments(settings.environments()).previewIdentity(settings.previewIdentity()).scope(scope)
                .common(common).build(), null);
    }

    private record GovernedData(Optional<UnityCatalog> unityCatalog, Optional<DeltaSharing> deltaSharing) {
    }

    private DatabricksAzureAuth databricksAuth() {
        var auth = config.databricksAuth();
        return switch (auth.type()) {
            case "managedIdentity" -> auth.clientId().map(id -> DatabricksAzureAuth.managedIdentity(Output.of(id)))
                    .orElseGet(DatabricksAzureAuth::managedIdentity);
            case "githubOidc" -> DatabricksAzureAuth.githubOidc(
                    AuthorizationFunctions.getClientConfig().applyValue(c -> c.tenantId()), Output.of(auth.clientId().orElseThrow()));
            default -> DatabricksAzureAuth.azureCli();
        };
    }

    private DatabricksSpoke spoke(HubNetwork hub, EgressFirewall firewall, String name, SpokeRole role, Cidr addressSpace,
                                  int hostPrefix, int containerPrefix, int endpointPrefix, String storageSku,
                                  boolean frontEnd, WorkspaceKeys keys) {
        var rg = resourceGroup("spoke-" + name + "-rg", DatabricksSpoke.resourceGroupName(naming, name));
        return new DatabricksSpoke("spoke-" + name, DatabricksSpokeArgs.builder()
                .resourceGroupName(rg.name())
                .location(config.location())
                .naming(naming)
                .spokeName(name)
                .role(role)
                .addressSpace(addressSpace.toString())
                .hostSubnetPrefix(hostPrefix)
                .containerSubnetPrefix(containerPrefix)
                .privateEndpointSubnetPrefix(endpointPrefix)
                .hub(hub)
                .egress(firewall)
                .storageSku(storageSku)
                .frontEndPrivateEndpoint(frontEnd)
                // The web-auth workspace only completes browser sign-in: its subnets get no route to the data accounts.
                .storageEgress(role == SpokeRole.WEB_AUTH ? StorageEgressPolicy.databricksOnly() : storageEgress)
                .keys(keys)
                .common(withLogs)
                .build(), null);
    }

    /**
     * What {@link #compose} built, for the outputs and for tests; {@code dataLake} is the {@link com.ztplatform.components.lake.LakeStorage}
     * the Unity Catalog layer is built on.
     */
    public record Platform(StackConfig config, PlatformPlan plan, ResourceGroup hubResourceGroup, LogAnalytics logs, EgressPath egress,
                           HubNetwork hub, EgressFirewall firewall, KeyVaultScope keyVault, List<DatabricksSpoke> spokes,
                           Optional<DatabricksSpoke> webAuth, Optional<ServerlessEgress> serverless,
                           Optional<OneLakeLanding> landing, Optional<DataLake> dataLake,
                           Optional<UnityCatalog> unityCatalog, Optional<DeltaSharing> deltaSharing,
                           Optional<SharingStorage> sharingStorage,
                           Optional<ContainerRegistry> containerRegistry, Optional<AiServices> aiServices,
                           Optional<MachineLearningWorkspace> machineLearning,
                           Optional<ServiceBusNamespace> serviceBus, Optional<PrivateFunctionApp> functions,
                           Optional<PrivateAksCluster> aks, Optional<PolicyAssignments> guardrails,
                           Optional<MonitorPrivateLinkScope> monitorPrivateLinkScope,
                           Optional<DeploymentIdentity> deploymentIdentity) {
    }

    /** The workspace-level layer of one workload workspace (absent during bootstrap). */
    private record WorkspaceLayer(DatabricksSpoke spoke, DatabricksProvider provider, Resource scope) {
    }
}
