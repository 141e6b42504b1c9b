package com.ztplatform.components.contract.example;

import com.ztplatform.components.contract.OutputContract;
import com.ztplatform.components.contract.PlatformStackMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The example consumer on mocks that answer the platform stack reference with realistic outputs. */
class ConsumerProgramTest {
    private static Plan run(Map<String, Object> platformOutputs) {
        return PlanRunner.run(new PlanRunner.StackInput("sales-network", "prod", Map.of(), Set.of()),
                new PlatformStackMocks(Map.of(ConsumerProgram.DEFAULT_PLATFORM_STACK, platformOutputs)),
                ConsumerProgram::define);
    }

    @Test
    void routesEverythingToThePlatformFirewallAndLinksTheDatabricksZone() {
        var platform = PlatformStackMocks.sampleOutputs();
        var plan = run(platform);
        assertThat(plan.errors()).isEmpty();

        var route = plan.named("sales-rt").input("routes").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(route.get("addressPrefix").getAsString()).isEqualTo("0.0.0.0/0");
        assertThat(route.get("nextHopType").getAsString()).isEqualTo("VirtualAppliance");
        assertThat(route.get("nextHopIpAddress").getAsString()).isEqualTo(platform.get("firewallPrivateIp"));
        var subnet = plan.named("sales-snet-app");
        assertThat(subnet.inputString("routeTable.id")).hasValue(plan.named("sales-rt").id());

        @SuppressWarnings("unchecked")
        var zoneId = ((Map<String, String>) platform.get("privateDnsZoneIds")).get(ConsumerProgram.DATABRICKS_ZONE);
        var link = plan.named("sales-link-databricks");
        assertThat(link.inputString("privateZoneName")).hasValue("privatelink.azuredatabricks.net");
        assertThat(link.inputString("resourceGroupName")).hasValue("ztp-prod-hub-rg");
        assertThat(link.id()).isEqualTo(zoneId + "/virtualNetworkLinks/sales-prod-vnet-link");
        assertThat(link.inputString("virtualNetwork.id")).hasValue(plan.named("sales-vnet").id());

        assertThat(plan.named("sales-to-hub").inputString("remoteVirtualNetwork.id")).hasValue((String) platform.get("hubVnetId"));
        var hubSide = plan.named("hub-to-sales");
        assertThat(hubSide.inputString("resourceGroupName")).hasValue((String) platform.get("hubResourceGroupName"));
        assertThat(hubSide.inputString("virtualNetworkName")).hasValue((String) platform.get("hubVnetName"));

        // The team's private endpoint: in its own subnet, its record in the platform hub's blob zone.
        @SuppressWarnings("unchecked")
        var blobZoneId = ((Map<String, String>) platform.get("privateDnsZoneIds")).get("privatelink.blob.core.windows.net");
        var endpoint = plan.named("sales-st-pe-blob");
        assertThat(endpoint.inputString("subnet.id")).hasValue(plan.named("sales-snet-pe").id());
        assertThat(endpoint.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("privateLinkServiceId").getAsString()).isEqualTo(plan.named("sales-st").id());
        assertThat(plan.named("sales-st-pe-blob-dns").input("privateDnsZoneConfigs").orElseThrow().getAsJsonArray().get(0)
                .getAsJsonObject().get("privateDnsZoneId").getAsString()).isEqualTo(blobZoneId);
        assertThat(plan.named("sales-st").inputString("publicNetworkAccess")).hasValue("Disabled");

        assertThat(plan.outputs().get("egressIps").getAsJsonArray().get(0).getAsString()).isEqualTo("198.51.100.200/31");
        assertThat(plan.outputs().get("analyticsWorkspaceUrl").getAsString()).startsWith("https://adb-");
    }

    @Test
    void aPlatformStackOfAnotherContractVersionFailsWithTheVersionMessage() {
        var plan = run(PlatformStackMocks.sampleOutputs(o -> o.put(OutputContract.CONTRACT_VERSION, "2")));
        assertThat(plan.errors()).contains("stack org/zt-databricks/prod publishes output contract v2, this client "
                + "understands v1: upgrade zt-components");
        // Nothing that needs a platform value was registered with a guessed one.
        assertThat(plan.resources()).noneMatch(r -> r.name().equals("sales-rt") || r.name().equals("sales-link-databricks"));
    }

    @Test
    void aMissingRequiredOutputFailsNamingIt() {
        var plan = run(PlatformStackMocks.sampleOutputs(o -> o.remove(OutputContract.FIREWALL_PRIVATE_IP)));
        assertThat(plan.errors()).contains("stack org/zt-databricks/prod has no output 'firewallPrivateIp', required by "
                + "output contract v1");
        assertThat(plan.resources()).noneMatch(r -> r.name().equals("sales-rt"));
    }

    @Test
    void segmentAfterReadsArmIds() {
        var id = "/subscriptions/0/resourceGroups/hub-rg/providers/Microsoft.Network/privateDnsZones/privatelink.azuredatabricks.net";
        assertThat(ConsumerProgram.segmentAfter(id, "resourceGroups")).isEqualTo("hub-rg");
        assertThat(ConsumerProgram.segmentAfter(id, "privateDnsZones")).isEqualTo("privatelink.azuredatabricks.net");
    }
}
