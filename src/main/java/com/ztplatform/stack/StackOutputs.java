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
        ctx.export("keyVaultUri", platform.keyVault().vaultUri());
        ctx.export("keyVaultId", platform.keyVault().vaultId());
        var spokes = new java.util.TreeMap<String, Output<Map<String, Object>>>();
        for (var spoke : platform.spokes()) {
            spokes.put(spoke.spokeName(), Output.tuple(spoke.vnetId(), byKey(spoke.subnetIds()), spoke.workspaceResourceId(),
                    spoke.workspaceId(), spoke.workspaceUrl()).applyValue(t -> {
                var values = new java.util.TreeMap<String, Object>();
                values.put("vnetId", t.t1);
                values.put("subnetIds", t.t2);
                values.put("workspaceResourceId", t.t3);
                values.put("workspaceId", t.t4);
                values.put("workspaceUrl", "https://" + t.t5);
                return values;
            }));
        }
        ctx.export("spokes", Output.all(List.copyOf(spokes.values())).applyValue(list -> {
            var byName = new java.util.TreeMap<String, Map<String, Object>>();
            var names = List.copyOf(spokes.keySet());
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), list.get(i));
            }
            return byName;
        }));
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
