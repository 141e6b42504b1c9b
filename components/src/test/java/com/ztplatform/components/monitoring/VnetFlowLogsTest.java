package com.ztplatform.components.monitoring;

import com.ztplatform.components.keyvault.TestKeys;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VnetFlowLogsTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/";
    private static final String HUB = RG + "ztp-dev-hub-rg/providers/Microsoft.Network/virtualNetworks/ztp-dev-hub-vnet";
    private static final String SPOKE = RG + "ztp-dev-analytics-rg/providers/Microsoft.Network/virtualNetworks/ztp-dev-analytics-vnet";

    private static Plan plan(FlowLogSettings settings) {
        return plan(settings, false);
    }

    private static Plan plan(FlowLogSettings settings, boolean bootstrap) {
        return MockRun.run(ctx -> {
            var logs = new LogAnalytics("logs", LogAnalyticsArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).common(CommonOptions.defaults()).build(), null);
            new VnetFlowLogs("flowlogs", VnetFlowLogsArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).workspace(logs).settings(settings)
                    .storageKey(TestKeys.storageKey("flowlogs-storage-rsa3072"))
                    .common(CommonOptions.defaults().withTags(Map.of("owner", "team"))
                            .withLogAnalyticsWorkspaceId(logs.workspaceId()))
                    .vnet("hub", Output.of(HUB)).vnet("analytics", Output.of(SPOKE)).bootstrap(bootstrap).build(), null);
        });
    }

    @Test
    void theFirstDeploymentMakesOnlyTheAccountsKeyIdentityAndGrantAndTheNextKeepsThem() {
        var first = plan(FlowLogSettings.defaults(), true);
        assertThat(first.errors()).isEmpty();
        assertThat(first.ofType("azure-native:storage:StorageAccount")).isEmpty();
        assertThat(first.ofType(FlowLogV20230501.TYPE)).isEmpty();
        var identity = first.ofType("azure-native:managedidentity:UserAssignedIdentity").get(0);
        assertThat(first.ofType("azure-native:authorization:RoleAssignment")).singleElement().satisfies(g -> {
            assertThat(g.inputString("scope").orElseThrow()).endsWith("/keys/flowlogs-storage-rsa3072");
            assertThat(g.inputString("principalId")).hasValue(identity.mockComputed().get("principalId").getAsString());
        });
        var next = plan(FlowLogSettings.defaults(), false);
        assertThat(next.ofType("azure-native:managedidentity:UserAssignedIdentity").get(0).urn()).isEqualTo(identity.urn());
        assertThat(next.ofType("azure-native:storage:StorageAccount")).hasSize(1);
        assertThat(next.ofType(FlowLogV20230501.TYPE)).hasSize(2);
    }

    @Test
    void everyVnetGetsAnEnabledVersion2FlowLogWithTrafficAnalyticsIntoTheWorkspace() {
        var plan = plan(FlowLogSettings.defaults());
        assertThat(plan.errors()).isEmpty();
        var workspace = plan.ofType("azure-native:operationalinsights:Workspace").get(0);
        var flowLogs = plan.ofType(FlowLogV20230501.TYPE);
        assertThat(flowLogs).extracting(f -> f.inputString("targetResourceId").orElseThrow())
                .containsExactlyInAnyOrder(HUB, SPOKE);
        var storage = plan.ofType("azure-native:storage:StorageAccount").get(0);
        for (var f : flowLogs) {
            // Azure's automatic watcher of the region (network-watcher-create).
            assertThat(f.inputString("resourceGroupName")).hasValue("NetworkWatcherRG");
            assertThat(f.inputString("networkWatcherName")).hasValue("NetworkWatcher_westeurope");
            assertThat(f.inputString("location")).hasValue("westeurope");
            // The same azure-native provider as every other resource (the SDK's pinned version).
            assertThat(f.options().get("version").getAsString()).isEqualTo(com.pulumi.azurenative.Utilities.getVersion());
            assertThat(f.inputString("storageId")).hasValue(storage.id());
            assertThat(f.input("enabled").orElseThrow().getAsBoolean()).isTrue();
            assertThat(f.input("format.version").orElseThrow().getAsInt()).isEqualTo(2);
            assertThat(f.input("retentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(90);
            var ta = "flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.";
            assertThat(f.input(ta + "enabled").orElseThrow().getAsBoolean()).isTrue();
            assertThat(f.input(ta + "trafficAnalyticsInterval").orElseThrow().getAsInt()).isEqualTo(10);
            assertThat(f.inputString(ta + "workspaceResourceId")).hasValue(workspace.id());
            assertThat(f.inputString(ta + "workspaceId")).hasValue(workspace.mockComputed().get("customerId").getAsString());
            assertThat(f.inputString(ta + "workspaceRegion")).hasValue("westeurope");
        }
        assertThat(flowLogs).extracting(f -> f.inputString("flowLogName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-hub-flowlog", "ztp-dev-analytics-flowlog");
    }

    @Test
    void theStorageAccountIsPrivateHardenedAndSendsItsOwnLogs() {
        var plan = plan(FlowLogSettings.defaults());
        var storage = plan.ofType("azure-native:storage:StorageAccount").get(0);
        assertThat(storage.inputString("minimumTlsVersion")).hasValue("TLS1_2");
        assertThat(storage.input("allowBlobPublicAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(storage.input("enableHttpsTrafficOnly").orElseThrow().getAsBoolean()).isTrue();
        assertThat(storage.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        // Network Watcher writes as a trusted Azure service.
        assertThat(storage.inputString("networkRuleSet.bypass")).hasValue("AzureServices");
        assertThat(storage.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        // The platform vault's key, through the account's own encryption identity, granted before the account.
        assertThat(storage.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(storage.inputString("encryption.keyVaultProperties.keyName")).hasValue("flowlogs-storage-rsa3072");
        assertThat(storage.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity"))
                .hasValue(plan.named("flowlogs-storage-cmk-id").id());
        assertThat(storage.dependencies()).contains(plan.named("flowlogs-storage-cmk-key-use").urn());
        assertThat(plan.ofType("azure-native:insights:DiagnosticSetting"))
                .extracting(d -> d.inputString("resourceUri").orElseThrow())
                .contains(storage.id() + "/blobServices/default", storage.id() + "/fileServices/default",
                        storage.id() + "/queueServices/default", storage.id() + "/tableServices/default");
    }

    @Test
    void retentionIntervalAndWatcherComeFromTheSettings() {
        var plan = plan(new FlowLogSettings(30, 60, "rg-watchers", Optional.of("nw-weu")));
        var f = plan.ofType(FlowLogV20230501.TYPE).get(0);
        assertThat(f.input("retentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(30);
        assertThat(f.input("flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.trafficAnalyticsInterval")
                .orElseThrow().getAsInt()).isEqualTo(60);
        assertThat(f.inputString("resourceGroupName")).hasValue("rg-watchers");
        assertThat(f.inputString("networkWatcherName")).hasValue("nw-weu");
    }

    @Test
    void badSettingsAreReportedEachWithTheFieldAndAnExample() {
        assertThat(new FlowLogSettings(0, 30, " ", Optional.of("")).problems("logs.flowLogs."))
                .containsExactly("logs.flowLogs.retentionDays must be between 1 and 365, like 90, got 0",
                        "logs.flowLogs.trafficAnalyticsIntervalMinutes must be 10 or 60, like 10, got 30",
                        "logs.flowLogs.networkWatcherResourceGroup must name a resource group, like NetworkWatcherRG",
                        "logs.flowLogs.networkWatcherName must not be blank, like NetworkWatcher_westeurope");
        assertThat(MockRun.run(ctx -> new VnetFlowLogs("fl", VnetFlowLogsArgs.builder().build(), null)).errors())
                .anySatisfy(e -> assertThat(e).contains("vnets must name at least one VNet")
                        .contains("resourceGroupName is required, like hubRg.name()")
                        .contains("storageKey is required"));
    }
}
