package com.ztplatform.stack;

import com.pulumi.Context;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Naming;
import com.ztplatform.components.core.ResourceKind;
import com.ztplatform.components.core.Cidr;
import com.ztplatform.components.databricks.DatabricksSpoke;
import com.ztplatform.components.databricks.DatabricksSpokeArgs;
import com.ztplatform.components.databricks.SpokeLayout;
import com.ztplatform.components.databricks.SpokeRole;
import com.ztplatform.components.databricks.WorkspaceKeys;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.network.GatewayRoutes;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.PrivateDnsZones;
import com.pulumi.azurenative.databricks.DatabricksFunctions;
import com.pulumi.azurenative.databricks.inputs.GetWorkspaceArgs;
import com.pulumi.resources.Resource;
import com.pulumi.core.Output;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.ztplatform.components.databricks.bindings.DatabricksAzureAuth;
import com.ztplatform.components.databricks.bindings.DatabricksProvider;
import com.ztplatform.components.serverless.ServerlessEgress;
import com.ztplatform.components.serverless.ServerlessEgressArgs;
import com.ztplatform.components.serverless.ServerlessRouter;
import com.ztplatform.components.landing.OneLakeLanding;
import com.ztplatform.components.landing.OneLakeLandingArgs;
import com.ztplatform.components.serverless.ServerlessRouterArgs;
import com.ztplatform.components.serverless.WorkspaceHardening;
import com.pulumi.resources.ComponentResourceOptions;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.monitoring.LogAnalytics;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.stack.config.ConfigException;
import com.ztplatform.stack.config.PulumiConfigSource;
import com.ztplatform.stack.config.StackConfig;
import com.ztplatform.stack.config.StackConfigLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack program: reads and validates the whole stack configuration, then composes the components.
 * The same code runs under {@code pulumi up} and in the offline plan.
 */
public final class PlatformProgram {
    private PlatformProgram() {
    }

    /** Entry point for Pulumi. Configuration problems are reported all at once, without a stack trace. */
    public static void run(Context ctx) {
        StackConfig config;
        try {
            config = StackConfigLoader.load(ctx.projectName(), new PulumiConfigSource(ctx));
        } catch (ConfigException e) {
            throw new RunException(e.getMessage());
        }
        compose(ctx, config);
    }

    /** The resources of one stack, from a validated configuration. */
    public static Platform compose(Context ctx, StackConfig config) {
        var naming = new Naming(config.namePrefix(), config.environment());
        var common = CommonOptions.defaults()
                .withTags(config.tags().asMap())
                .withProtect(config.protect())
                .withLock(config.lock());

        var hubRg = new ResourceGroup("hub-rg", ResourceGroupArgs.builder()
                .resourceGroupName(naming.name(ResourceKind.RESOURCE_GROUP, "hub", "rg"))
                .location(config.location())
                .tags(common.sortedTags())
                .build(), CustomResourceOptions.builder().protect(config.protect()).build());

        var logs = new LogAnalytics("logs", new LogAnalyticsArgs(hubRg.name(), config.location(), naming,
                config.logs().retentionInDays(), config.logs().existingWorkspaceId(), common), null);
        var withLogs = common.withLogAnalyticsWorkspaceId(logs.workspaceId());

        var firewallConfig = config.firewall();
        var egress = new EgressPath("egress", new EgressPathArgs(hubRg.name(), config.location(), naming,
                firewallConfig.egressMode(), firewallConfig.publicIpPrefixLength(),
                firewallConfig.forcedTunnelNextHopIp(), common), null);

        var hubConfig = config.hub();
        // VPN clients must not reach the spokes around the firewall: route every spoke prefix via the firewall.
        var gatewayRoutes = hubConfig.vpn().map(v -> new GatewayRoutes("gw-routes", hubRg.name(), config.location(),
                naming, HubLayout.carve(hubConfig.addressSpace(), hubConfig.privateEndpointSubnetPrefix(),
                        hubConfig.firewallManagementSubnet(), hubConfig.bastion().isPresent(), true,
                        hubConfig.dnsResolver().isPresent()).cidr(HubLayout.FIREWALL).address(4),
                spokePrefixes(config), common, null));
        var hub = new HubNetwork("hub", HubNetworkArgs.builder()
                .resourceGroupName(hubRg.name())
                .location(config.location())
                .naming(naming)
                .addressSpace(hubConfig.addressSpace().toString())
                .privateEndpointSubnetPrefix(hubConfig.privateEndpointSubnetPrefix())
                .firewallManagementSubnet(hubConfig.firewallManagementSubnet())
                .bastion(hubConfig.bastion().orElse(null))
                .vpn(hubConfig.vpn().orElse(null))
                .dnsResolver(hubConfig.dnsResolver().orElse(null))
                .privateDnsZones(hubConfig.privateDnsZones())
                .firewallSubnetNatGatewayId(egress.natGatewayId().orElse(null))
                .firewallSubnetRouteTableId(egress.firewallSubnetRouteTableId().orElse(null))
                .gatewaySubnetRouteTableId(gatewayRoutes.map(GatewayRoutes::routeTableId).orElse(null))
                .common(withLogs)
                .build(), null);

        var firewall = new EgressFirewall("fw", EgressFirewallArgs.of(hub, egress, naming, firewallConfig.settings(),
                withLogs), null);
        var kv = config.keyVault();
        var keyVault = new KeyVaultScope("kv", KeyVaultScopeArgs.builder()
                .resourceGroupName(hubRg.name())
                .location(config.location())
                .naming(naming)
                .sku(kv.sku())
                .hsmKeys(kv.hsmKeys())
                .keys(kv.customerManagedKeys())
                .rotation(kv.rotation())
                .azureDatabricksObjectId(kv.azureDatabricksObjectId().orElse(null))
                .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT))
                .common(withLogs)
                .build(), null);

        var spokes = new ArrayList<DatabricksSpoke>();
        var workspaceLayers = new java.util.LinkedHashMap<String, WorkspaceLayer>();
        for (var spoke : config.spokes()) {
            var keys = WorkspaceKeys.none();
            List<Resource> dbfsGrants = List.of();
            var dbfsStage = config.bootstrap() ? WorkspaceKeys.DbfsRootStage.PREPARE : WorkspaceKeys.DbfsRootStage.APPLY;
            if (kv.customerManagedKeys().contains(KeyPurpose.DBFS_ROOT) && dbfsStage == WorkspaceKeys.DbfsRootStage.APPLY) {
                // Step 2 of the DBFS-root sequence, read from the workspace as it exists since the first deployment,
                // so the key can be applied in this one without a dependency cycle.
                var existing = DatabricksFunctions.getWorkspace(GetWorkspaceArgs.builder()
                        .resourceGroupName(DatabricksSpoke.resourceGroupName(naming, spoke.name()))
                        .workspaceName(DatabricksSpoke.workspaceName(naming, spoke.name()))
                        .build());
                dbfsGrants = List.of(keyVault.grantKeyUse("grant-" + spoke.name() + "-dbfs-root", KeyPurpose.DBFS_ROOT,
                        existing.applyValue(w -> w.storageAccountIdentity().map(i -> i.principalId()).orElseThrow(() ->
                                new IllegalStateException("workspace " + w.name() + " has no storage identity: deploy once "
                                        + "with bootstrap: true so it is prepared for encryption"))),
                        "the workspace storage account encrypts DBFS root with this key"));
            }
            keys = new WorkspaceKeys(keyVault.customerManagedKey(KeyPurpose.MANAGED_SERVICES),
                    keyVault.customerManagedKey(KeyPurpose.MANAGED_DISK), keyVault.customerManagedKey(KeyPurpose.DBFS_ROOT),
                    dbfsStage, dbfsGrants);
            var created = spoke(naming, config, common, hub, firewall, spoke.name(), SpokeRole.WORKLOAD,
                    spoke.addressSpace(), spoke.hostSubnetPrefix(), spoke.containerSubnetPrefix(),
                    spoke.privateEndpointSubnetPrefix(), spoke.storageSku(), spoke.frontEndPrivateEndpoint(), keys);
            if (kv.customerManagedKeys().contains(KeyPurpose.DBFS_ROOT) && dbfsStage == WorkspaceKeys.DbfsRootStage.PREPARE) {
                keyVault.grantKeyUse("grant-" + spoke.name() + "-dbfs-root", KeyPurpose.DBFS_ROOT,
                        created.storageIdentityPrincipalId().applyValue(id -> id.orElse("")),
                        "the workspace storage account encrypts DBFS root with this key");
            }
            if (kv.customerManagedKeys().contains(KeyPurpose.MANAGED_DISK)) {
                keyVault.grantKeyUse("grant-" + spoke.name() + "-managed-disk", KeyPurpose.MANAGED_DISK,
                        created.managedDiskIdentityPrincipalId().applyValue(id -> id.orElse("")),
                        "the workspace's disk encryption set encrypts cluster disks with this key");
            }
            if (!config.bootstrap()) {
                // Workspace-level layer: needs this machine to reach the workspace through its front-end endpoint.
                var provider = DatabricksProvider.workspace("dbx-" + spoke.name(), created.workspaceUrl(),
                        created.workspaceResourceId(), databricksAuth(config, ctx),
                        CustomResourceOptions.builder().parent(created).dependsOn(created.endpointsDone()).build());
                var scope = keyVault.secretScope("dbx-" + spoke.name() + "-scope", kv.secretScopeName(), provider, created);
                workspaceLayers.put(spoke.name(), new WorkspaceLayer(created, provider, scope));
                var hardening = new WorkspaceHardening("harden-" + spoke.name(), config.hardening(), provider,
                        ComponentResourceOptions.builder().parent(created).build());
                hardening.warnings().forEach(w -> ctx.log().warn(w));
            }
            spokes.add(created);
        }
        var webAuth = config.webAuth().map(w -> spoke(naming, config, common, hub, firewall, StackConfig.WebAuth.SPOKE_NAME,
                SpokeRole.WEB_AUTH, w.addressSpace(), SpokeLayout.DEFAULT_DATABRICKS_PREFIX,
                SpokeLayout.DEFAULT_DATABRICKS_PREFIX, SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX, "Standard_ZRS", false,
                WorkspaceKeys.none()));
        var router = config.serverlessRouter().map(r -> {
            var rg = new ResourceGroup("router-rg", ResourceGroupArgs.builder()
                    .resourceGroupName(naming.name(ResourceKind.RESOURCE_GROUP, "router", "rg"))
                    .location(config.location())
                    .tags(common.sortedTags())
                    .build(), CustomResourceOptions.builder().protect(config.protect()).build());
            return new ServerlessRouter("serverless-router", new ServerlessRouterArgs(rg.name(), config.location(), naming,
                    r.addressSpace(), hub, firewall, r.adminSshPublicKey(), r.vmSize(), r.forwards(), common), null);
        });
        var landing = config.landing().map(l -> new OneLakeLanding("landing", new OneLakeLandingArgs(hubRg.name(),
                config.location(), naming, l.settings(), hub, firewall, keyVault, l.clientSecret(), common), null));
        landing.ifPresent(l -> l.warnings().forEach(w -> ctx.log().warn(w)));
        firewall.seal();
        var platformStorage = landing.flatMap(OneLakeLanding::stagingAccountId)
                .map(id -> List.of(new ServerlessEgressArgs.StorageTarget(id,
                        naming.name(ResourceKind.STORAGE_ACCOUNT, "landing"), List.of("dfs", "blob"))))
                .orElse(List.of());
        var serverless = config.serverless().map(settings -> {
            var accountProvider = DatabricksProvider.account("dbx-account", Output.of(settings.accountId()),
                    databricksAuth(config, ctx), null);
            var workspaces = new ArrayList<ServerlessEgressArgs.Workspace>();
            spokes.forEach(sp -> workspaces.add(new ServerlessEgressArgs.Workspace(sp.spokeName(), sp.workspaceId())));
            webAuth.ifPresent(w -> workspaces.add(new ServerlessEgressArgs.Workspace(w.spokeName(), w.workspaceId())));
            return new ServerlessEgress("serverless", new ServerlessEgressArgs(accountProvider, config.location(), naming,
                    settings, workspaces, keyVault.vaultId(), firewall.ruleCollectionGroups(), platformStorage, common), null);
        });
        serverless.ifPresent(s -> router.ifPresent(r -> s.privateLinkServiceRule("serverless-router-pls",
                r.privateLinkServiceId(), r.domainNames())));
        serverless.ifPresent(s -> s.notExpressible().forEach(entry -> ctx.log().warn(
                "serverless network policy cannot express firewall entry " + entry)));
        if (serverless.isEmpty()) {
            ctx.log().warn("no serverless settings: serverless compute of these workspaces keeps Databricks' default "
                    + "(unrestricted) egress; set serverless.accountId to restrict it to the firewall's allowlist");
        }
        landing.ifPresent(l -> {
            var layer = workspaceLayers.get(config.landing().orElseThrow().workspace());
            if (layer != null) {
                l.deployJobs("landing", layer.spoke(), layer.provider(), kv.secretScopeName(), firewall.egressIps(),
                        List.of(layer.scope()));
            }
        });
        if (webAuth.isEmpty() && !spokes.isEmpty()) {
            ctx.log().warn("no webAuth workspace: browsers cannot complete single sign-on to workspaces whose public "
                    + "access is disabled; set webAuth.addressSpace to deploy the region's web-auth workspace");
        }
        firewall.warnings().forEach(w -> ctx.log().warn(w));
        firewall.notes().forEach(n -> ctx.log().info(n));

        var platform = new Platform(config, hubRg, logs, egress, hub, firewall, keyVault, List.copyOf(spokes), webAuth,
                serverless, landing);
        StackOutputs.export(ctx, platform);
        return platform;
    }

    /** Every VNet the stack peers with the hub: spokes, the web-auth workspace, the serverless router. */
    private static List<String> spokePrefixes(StackConfig config) {
        var prefixes = new ArrayList<String>();
        config.spokes().forEach(s -> prefixes.add(s.addressSpace().toString()));
        config.webAuth().ifPresent(w -> prefixes.add(w.addressSpace().toString()));
        config.serverlessRouter().ifPresent(r -> prefixes.add(r.addressSpace()));
        return prefixes;
    }

    private static DatabricksAzureAuth databricksAuth(StackConfig config, Context ctx) {
        var auth = config.databricksAuth();
        return switch (auth.type()) {
            case "managedIdentity" -> auth.clientId().map(id -> DatabricksAzureAuth.managedIdentity(Output.of(id)))
                    .orElseGet(DatabricksAzureAuth::managedIdentity);
            case "githubOidc" -> DatabricksAzureAuth.githubOidc(
                    AuthorizationFunctions.getClientConfig().applyValue(c -> c.tenantId()), Output.of(auth.clientId().orElseThrow()));
            default -> DatabricksAzureAuth.azureCli();
        };
    }

    private static DatabricksSpoke spoke(Naming naming, StackConfig config, CommonOptions common, HubNetwork hub,
                                         EgressFirewall firewall, String name, SpokeRole role, Cidr addressSpace,
                                         int hostPrefix, int containerPrefix, int endpointPrefix, String storageSku,
                                         boolean frontEnd, WorkspaceKeys keys) {
        var rg = new ResourceGroup("spoke-" + name + "-rg", ResourceGroupArgs.builder()
                .resourceGroupName(DatabricksSpoke.resourceGroupName(naming, name))
                .location(config.location())
                .tags(common.sortedTags())
                .build(), CustomResourceOptions.builder().protect(config.protect()).build());
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
                .firewall(firewall)
                .storageSku(storageSku)
                .frontEndPrivateEndpoint(frontEnd)
                .keys(keys)
                .common(common)
                .build(), null);
    }

    /** What {@link #compose} built, for the outputs and for tests. */
    public record Platform(StackConfig config, ResourceGroup hubResourceGroup, LogAnalytics logs, EgressPath egress,
                           HubNetwork hub, EgressFirewall firewall, KeyVaultScope keyVault, List<DatabricksSpoke> spokes,
                           Optional<DatabricksSpoke> webAuth, Optional<ServerlessEgress> serverless,
                           Optional<OneLakeLanding> landing) {
    }

    /** The workspace-level layer of one workload workspace (absent during bootstrap). */
    private record WorkspaceLayer(DatabricksSpoke spoke, DatabricksProvider provider, Resource scope) {
    }
}
