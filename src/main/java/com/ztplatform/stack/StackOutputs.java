package com.ztplatform.stack;

import com.pulumi.Context;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.core.Output;
import com.ztplatform.components.contract.OutputContract;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack outputs other teams read through stack references, exactly as {@link OutputContract} defines
 * them (a test holds the plan's outputs against the contract). Secrets are never outputs.
 */
public final class StackOutputs {
    private StackOutputs() {
    }

    static void export(Context ctx, PlatformProgram.Platform platform) {
        var hub = platform.hub();
        ctx.export(OutputContract.CONTRACT_VERSION, Output.of(OutputContract.VERSION));
        ctx.export(OutputContract.LOCATION, Output.of(platform.config().location()));
        ctx.export(OutputContract.HUB_RESOURCE_GROUP_NAME, platform.hubResourceGroup().name());
        ctx.export(OutputContract.HUB_VNET_ID, hub.vnetId());
        ctx.export(OutputContract.HUB_VNET_NAME, hub.vnetName());
        ctx.export(OutputContract.HUB_SUBNET_IDS, byKey(hub.subnetIds()));
        ctx.export(OutputContract.PRIVATE_DNS_ZONE_IDS, byKey(hub.privateDnsZoneIds()));
        hub.dnsResolverInboundIp().ifPresent(ip -> ctx.export(OutputContract.DNS_RESOLVER_INBOUND_IP, ip));
        var firewall = platform.firewall();
        ctx.export(OutputContract.FIREWALL_PRIVATE_IP, firewall.privateIp());
        ctx.export(OutputContract.FIREWALL_POLICY_ID, firewall.policyId());
        ctx.export(OutputContract.EGRESS_IPS, firewall.egressIps());
        ctx.export(OutputContract.SPOKE_ROUTE_TABLE_ID, firewall.routeTableId());
        ctx.export(OutputContract.LOG_ANALYTICS_WORKSPACE_ID, platform.logs().workspaceId());
        ctx.export(OutputContract.KEY_VAULT_URI, platform.keyVault().vaultUri());
        ctx.export(OutputContract.KEY_VAULT_ID, platform.keyVault().vaultId());
        platform.landing().ifPresent(landing -> {
            ctx.export(OutputContract.LANDING_URI, landing.landingUri());
            landing.identityObjectId().ifPresent(id -> ctx.export(OutputContract.LANDING_IDENTITY_OBJECT_ID, Output.of(id)));
        });
        platform.serverless().ifPresent(serverless -> {
            ctx.export(OutputContract.NCC_ID, serverless.nccId());
            ctx.export(OutputContract.SERVERLESS_APPROVALS, serverless.approvals().applyValue(list -> list.stream()
                    .map(a -> "approve " + a.get("groupId") + " on " + a.get("target") + " | find: " + a.get("find")
                            + " | approve: " + a.get("approve") + " | check: " + a.get("check"))
                    .sorted().toList()));
        });
        // The integration's identifiers only: no key or connection string exists to publish (SAS is off).
        platform.serviceBus().ifPresent(bus -> {
            ctx.export(OutputContract.INTEGRATION_SERVICE_BUS_ID, bus.namespaceId());
            ctx.export(OutputContract.INTEGRATION_SERVICE_BUS_HOST, Output.of(bus.fullyQualifiedNamespace()));
            ctx.export(OutputContract.INTEGRATION_QUEUE_NAMES, Output.of(bus.queueNames()));
        });
        platform.functions().ifPresent(functions -> {
            ctx.export(OutputContract.INTEGRATION_FUNCTION_APP_ID, functions.functionAppId());
            ctx.export(OutputContract.INTEGRATION_FUNCTION_APP_HOST_NAME, functions.defaultHostName());
        });
        var spokes = new TreeMap<String, Output<Map<String, Object>>>();
        for (var spoke : platform.spokes()) {
            spokes.put(spoke.spokeName(), Output.tuple(spoke.vnetId(), byKey(spoke.subnetIds()), spoke.workspaceResourceId(),
                    spoke.workspaceId(), spoke.workspaceUrl()).applyValue(t -> {
                var values = new TreeMap<String, Object>();
                values.put("vnetId", t.t1);
                values.put("subnetIds", t.t2);
                values.put("workspaceResourceId", t.t3);
                values.put("workspaceId", t.t4);
                values.put("workspaceUrl", "https://" + t.t5);
                return values;
            }));
        }
        ctx.export(OutputContract.SPOKES, byKey(spokes));
        // Identifiers, not credentials: the workflows' AZURE_* variables (README, "Deployment identity").
        platform.deploymentIdentity().ifPresent(identity -> {
            ctx.export(OutputContract.DEPLOYMENT_CLIENT_ID, identity.deploymentClientId());
            identity.previewClientId().ifPresent(id -> ctx.export(OutputContract.PREVIEW_CLIENT_ID, id));
            ctx.export(OutputContract.TENANT_ID, identity.tenantId());
            ctx.export(OutputContract.SUBSCRIPTION_ID, AuthorizationFunctions.getClientConfig()
                    .applyValue(c -> c.subscriptionId()));
        });
    }

    /** One Output of a sorted map from a map of Outputs, so the exported object is stable. */
    static <T> Output<Map<String, T>> byKey(Map<String, Output<T>> outputs) {
        var keys = List.copyOf(outputs.keySet());
        return Output.all(keys.stream().map(outputs::get).toList()).applyValue(values -> {
            var sorted = new TreeMap<String, T>();
            for (int i = 0; i < keys.size(); i++) {
                sorted.put(keys.get(i), values.get(i));
            }
            return sorted;
        });
    }
}
