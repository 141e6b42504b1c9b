package com.ztplatform.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack outputs other teams read through stack references. Names are part of the output contract:
 * never rename or remove one without bumping {@link #CONTRACT_VERSION}. Secrets are never outputs.
 */
public final class StackOutputs {
    public static final String CONTRACT_VERSION = "1";

    private StackOutputs() {
    }

    static void export(Context ctx, PlatformProgram.Platform platform) {
        var hub = platform.hub();
        ctx.export("contractVersion", Output.of(CONTRACT_VERSION));
        ctx.export("location", Output.of(platform.config().location()));
        ctx.export("hubResourceGroupName", platform.hubResourceGroup().name());
        ctx.export("hubVnetId", hub.vnetId());
        ctx.export("hubVnetName", hub.vnetName());
        ctx.export("hubSubnetIds", byKey(hub.subnetIds()));
        ctx.export("privateDnsZoneIds", byKey(hub.privateDnsZoneIds()));
        hub.dnsResolverInboundIp().ifPresent(ip -> ctx.export("dnsResolverInboundIp", ip));
        var firewall = platform.firewall();
        ctx.export("firewallPrivateIp", firewall.privateIp());
        ctx.export("firewallPolicyId", firewall.policyId());
        ctx.export("egressIps", firewall.egressIps());
        ctx.export("spokeRouteTableId", firewall.routeTableId());
        ctx.export("logAnalyticsWorkspaceId", platform.logs().workspaceId());
    }

    /** One Output of a sorted map from a map of Outputs, so the exported object is stable. */
    static Output<Map<String, String>> byKey(Map<String, Output<String>> outputs) {
        var keys = List.copyOf(outputs.keySet());
        return Output.all(keys.stream().map(outputs::get).toList()).applyValue(values -> {
            var sorted = new TreeMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                sorted.put(keys.get(i), values.get(i));
            }
            return sorted;
        });
    }
}
