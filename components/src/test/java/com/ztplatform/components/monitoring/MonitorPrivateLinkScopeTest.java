package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.privatelink.PrivateLinkTarget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorPrivateLinkScopeTest {
    private static final Naming NAMING = new Naming("ztp", "prod", "k3x9q");
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-prod-law";
    private static final String APPI = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-integration-rg/providers/Microsoft.Insights/components/ztp-prod-func-appi";

    private static List<String> zonesWithMonitor() {
        var zones = new ArrayList<>(PrivateDnsZones.DEFAULTS);
        PrivateDnsZones.AZURE_MONITOR.stream().filter(z -> !zones.contains(z)).forEach(zones::add);
        return zones;
    }

    private static Plan plan(List<String> zones, Function<HubNetwork, MonitorPrivateLinkScopeArgs> args) {
        return MockRun.run(ctx -> {
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("ztp-prod-hub-rg"))
                    .location("westeurope").naming(NAMING).addressSpace("10.100.0.0/22").privateDnsZones(zones)
                    .common(CommonOptions.defaults()).build(), null);
            new MonitorPrivateLinkScope("ampls", args.apply(hub), null);
        });
    }

    private static MonitorPrivateLinkScopeArgs.Builder args(HubNetwork hub) {
        return MonitorPrivateLinkScopeArgs.builder().resourceGroupName(Output.of("ztp-prod-hub-rg"))
                .location("westeurope").naming(NAMING).hub(hub);
    }

    @Test
    void theScopeIsGlobalPrivateOnlyAndAdmitsTheGivenResources() {
        var plan = plan(zonesWithMonitor(), hub -> args(hub).scopedResource("law", Output.of(LAW))
                .scopedResource("func-appi", Output.of(APPI)).build());
        assertThat(plan.errors()).isEmpty();
        var scope = plan.ofType("azure-native:insights:PrivateLinkScope");
        assertThat(scope).hasSize(1);
        assertThat(scope.get(0).inputString("location")).hasValue("Global");
        assertThat(scope.get(0).inputString("scopeName")).hasValue("ztp-prod-hub-ampls");
        assertThat(scope.get(0).inputString("accessModeSettings.ingestionAccessMode")).hasValue("PrivateOnly");
        assertThat(scope.get(0).inputString("accessModeSettings.queryAccessMode")).hasValue("PrivateOnly");
        var scoped = plan.ofType("azure-native:insights:PrivateLinkScopedResource");
        assertThat(scoped).extracting(r -> r.inputString("linkedResourceId").orElseThrow())
                .containsExactlyInAnyOrder(LAW, APPI);
        assertThat(scoped).allMatch(r -> r.inputString("scopeName").equals(java.util.Optional.of("ztp-prod-hub-ampls")));
    }

    @Test
    void theEndpointIsInTheHubRegisteredInEveryMonitorZoneAndWaitsForTheScopedResources() {
        var plan = plan(zonesWithMonitor(), hub -> args(hub).scopedResource("law", Output.of(LAW)).build());
        assertThat(plan.errors()).isEmpty();
        var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(r -> r.name().startsWith("ampls")).toList();
        assertThat(endpoint).hasSize(1);
        var connection = endpoint.get(0).input("privateLinkServiceConnections").orElseThrow().toString();
        assertThat(connection).contains("\"azuremonitor\"").contains("/privateLinkScopes/ztp-prod-hub-ampls");
        assertThat(endpoint.get(0).inputString("subnet.id").orElseThrow()).contains("/subnets/");
        var zones = plan.named("ampls-pe-azuremonitor-dns").input("privateDnsZoneConfigs").orElseThrow().toString();
        for (var zone : PrivateDnsZones.AZURE_MONITOR) {
            assertThat(zones).contains("/privateDnsZones/" + zone);
        }
        // Created after the scoped resources, so its DNS configuration covers the workspace-specific hosts.
        var scopedUrn = plan.ofType("azure-native:insights:PrivateLinkScopedResource").get(0).urn();
        assertThat(endpoint.get(0).dependencies()).contains(scopedUrn);
    }

    @Test
    void theAzureMonitorTargetRegistersInFiveZones() {
        var target = PrivateLinkTarget.AZURE_MONITOR;
        assertThat(target.resourceType()).isEqualTo("Microsoft.Insights/privateLinkScopes");
        var all = new ArrayList<String>();
        all.add(target.zoneFor("azuremonitor").orElseThrow());
        all.addAll(target.additionalZonesFor("azuremonitor"));
        assertThat(all).containsExactlyElementsOf(PrivateDnsZones.AZURE_MONITOR);
    }

    @Test
    void aHubWithoutTheMonitorZonesOrAScopeWithoutResourcesIsRefused() {
        var plan = plan(PrivateDnsZones.DEFAULTS, hub -> args(hub).scopedResource("Bad Key", Output.of(LAW)).build());
        assertThat(String.join("\n", plan.errors()))
                .contains("hub must host every Azure Monitor private link zone, missing [" + PrivateDnsZones.MONITOR)
                .contains("scopedResources key must be 1-40 lowercase letters");
        assertThat(plan.ofType("azure-native:insights:PrivateLinkScope")).isEmpty();
        var none = MonitorPrivateLinkScopeArgs.builder().build().problems();
        assertThat(none).anyMatch(p -> p.startsWith("scopedResources must name at least one"))
                .anyMatch(p -> p.startsWith("resourceGroupName is required"))
                .anyMatch(p -> p.startsWith("hub is required"));
    }
}
