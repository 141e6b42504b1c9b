package com.ztplatform.stack;

import com.pulumi.Context;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Naming;
import com.ztplatform.components.core.ResourceKind;
import com.ztplatform.components.databricks.SpokeLayout;
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

import java.util.List;

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
                .common(withLogs)
                .build(), null);

        var firewall = new EgressFirewall("fw", EgressFirewallArgs.of(hub, egress, naming, firewallConfig.settings(),
                withLogs), null);
        for (var spoke : config.spokes()) {
            var layout = SpokeLayout.carve(spoke.addressSpace(), spoke.hostSubnetPrefix(), spoke.containerSubnetPrefix(),
                    spoke.privateEndpointSubnetPrefix());
            firewall.registerSourceSubnets(spoke.name(), List.of(layout.cidr(SpokeLayout.HOST).toString(),
                    layout.cidr(SpokeLayout.CONTAINER).toString()));
        }
        firewall.seal();
        firewall.warnings().forEach(w -> ctx.log().warn(w));
        firewall.notes().forEach(n -> ctx.log().info(n));

        var platform = new Platform(config, hubRg, logs, egress, hub, firewall);
        StackOutputs.export(ctx, platform);
        return platform;
    }

    /** What {@link #compose} built, for the outputs and for tests. */
    public record Platform(StackConfig config, ResourceGroup hubResourceGroup, LogAnalytics logs, EgressPath egress,
                           HubNetwork hub, EgressFirewall firewall) {
    }
}
