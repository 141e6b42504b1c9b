package com.ztplatform.components.ai;

import com.ztplatform.components.keyvault.TestKeys;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.EgressRules;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class MachineLearningWorkspaceTest {
    private static final Naming NAMING = new Naming("ztp", "prod");
    private static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-ai-rg";
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-prod-law";
    private static final String ACR = RG + "/providers/Microsoft.ContainerRegistry/registries/ztpprodacr";
    private static final String ROUTES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.Network/routeTables/ztp-prod-spoke-rt";

    private static final EgressNextHop FIREWALL = new EgressNextHop() {
        @Override
        public Output<String> privateIp() {
            return Output.of("10.10.0.4");
        }

        @Override
        public Output<String> routeTableId() {
            return Output.of(ROUTES);
        }

        @Override
        public Optional<List<String>> dnsServers() {
            return Optional.of(List.of("10.10.0.4"));
        }
    };

    private static CommonOptions common() {
        return CommonOptions.defaults().withTags(Map.of("owner", "team")).withLogAnalyticsWorkspaceId(Output.of(LAW));
    }

    private static MachineLearningWorkspaceArgs.Builder args(HubNetwork hub) {
        return MachineLearningWorkspaceArgs.builder().resourceGroupName(Output.of("ztp-prod-ai-rg")).location("westeurope")
                .naming(NAMING).hub(hub).egress(FIREWALL).computeAddressSpace("10.30.0.0/24")
                .containerRegistryId(Output.of(ACR)).highBusinessImpact(true)
                .storageKey(TestKeys.storageKey("ml-storage-rsahsm3072")).common(common());
    }

    private static Plan plan(BiConsumer<HubNetwork, MachineLearningWorkspaceArgs.Builder> build) {
        return MockRun.run(ctx -> {
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("ztp-prod-hub-rg"))
                    .location("westeurope").naming(NAMING).addressSpace("10.10.0.0/22").common(common()).build(), null);
            build.accept(hub, args(hub));
        });
    }

    @Test
    void theWorkspaceIsPrivateHighImpactAndUsesItsOwnPrivateResourcesAndThePlatformRegistry() {
        var plan = plan((hub, a) -> new MachineLearningWorkspace("ml", a.build(), null));
        assertThat(plan.errors()).isEmpty();
        var ws = plan.ofType("azure-native:machinelearningservices:Workspace").get(0);
        assertThat(ws.id()).isEqualTo(RG + "/providers/Microsoft.MachineLearningServices/workspaces/ztp-prod-ml-mlw");
        assertThat(ws.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(ws.input("allowPublicAccessWhenBehindVnet").orElseThrow().getAsBoolean()).isFalse();
        assertThat(ws.input("hbiWorkspace").orElseThrow().getAsBoolean()).isTrue();
        assertThat(ws.inputString("identity.type")).hasValue("SystemAssigned");
        assertThat(ws.inputString("containerRegistry")).hasValue(ACR);
        assertThat(ws.inputString("imageBuildCompute")).hasValue(MachineLearningWorkspace.IMAGE_BUILD_COMPUTE);
        var storage = plan.named("ml-storage");
        assertThat(ws.inputString("storageAccount")).hasValue(storage.id());
        assertThat(ws.inputString("keyVault").orElseThrow()).contains("/Microsoft.KeyVault/vaults/ztp-prod-ml-kv");
        var insights = plan.named("ml-appi");
        assertThat(ws.inputString("applicationInsights")).hasValue(insights.id());

        // Workspace-based Application Insights on the platform's Log Analytics workspace, no instrumentation-key auth.
        assertThat(insights.inputString("workspaceResourceId")).hasValue(LAW);
        assertThat(insights.inputString("ingestionMode")).hasValue("LogAnalytics");
        assertThat(insights.input("disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();

        assertThat(storage.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(storage.input("allowBlobPublicAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(storage.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        // The platform vault's key, through the account's own encryption identity, granted before the account.
        assertThat(storage.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(storage.inputString("encryption.keyVaultProperties.keyName")).hasValue("ml-storage-rsahsm3072");
        assertThat(storage.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity"))
                .hasValue(plan.named("ml-storage-cmk-id").id());
        assertThat(storage.dependencies()).contains(plan.named("ml-storage-cmk-key-use").urn());

        // One workspace endpoint in both Azure ML zones; blob and file endpoints for its storage.
        var zones = plan.named("ml-pe-amlworkspace-dns").input("privateDnsZoneConfigs").orElseThrow().toString();
        assertThat(zones).contains("/privateDnsZones/" + PrivateDnsZones.ML_API,
                "/privateDnsZones/" + PrivateDnsZones.ML_NOTEBOOKS);
        assertThat(plan.named("ml-pe-amlworkspace").input("privateLinkServiceConnections").orElseThrow().toString())
                .contains("\"amlworkspace\"", ws.id());
        assertThat(plan.named("ml-storage-pe-blob-dns").input("privateDnsZoneConfigs").orElseThrow().toString())
                .contains("/privateDnsZones/" + PrivateDnsZones.BLOB);
        assertThat(plan.named("ml-storage-pe-file-dns").input("privateDnsZoneConfigs").orElseThrow().toString())
                .contains("/privateDnsZones/" + PrivateDnsZones.FILE);
        assertThat(plan.named("ml-diag").inputString("resourceUri")).hasValue(ws.id());
    }

    @Test
    void computeRunsInOneSubnetForcedThroughTheFirewallWithStorageLimitedToTheMlAlias() {
        var plan = plan((hub, a) -> new MachineLearningWorkspace("ml", a.build(), null));
        var subnet = plan.named("ml-snet");
        assertThat(subnet.inputString("subnetName")).hasValue(MachineLearningWorkspace.COMPUTE_SUBNET);
        assertThat(subnet.inputString("addressPrefix")).hasValue("10.30.0.0/24");
        assertThat(subnet.inputString("routeTable.id")).hasValue(ROUTES);
        assertThat(subnet.input("serviceEndpoints").orElseThrow().toString()).contains("Microsoft.Storage");
        var policy = plan.named("ml-sep").input("serviceEndpointPolicyDefinitions").orElseThrow().toString();
        assertThat(policy).contains(MachineLearningWorkspace.ML_STORAGE_ALIAS, plan.named("ml-storage").id());
        assertThat(plan.named("ml-vnet").input("dhcpOptions.dnsServers").orElseThrow().toString()).contains("10.10.0.4");
        assertThat(plan.ofType("azure-native:network:VirtualNetworkPeering")).hasSize(2);
    }

    @Test
    void theFirewallAdmitsOnlyTheComputeSubnetToTheDocumentedDestinations() {
        assertThat(MachineLearningWorkspace.egressSources("10.30.0.0/24"))
                .isEqualTo(new EgressPlan.Sources(SourceGroups.ML_COMPUTE, "machine-learning", List.of("10.30.0.0/24")));
        var contribution = MachineLearningWorkspace.firewallContribution("westeurope", false);
        var rules = contribution.collections().stream().flatMap(c -> c.rules().stream()).toList();
        assertThat(rules).allSatisfy(r -> assertThat(r.sourceGroups()).containsExactly(SourceGroups.ML_COMPUTE));
        var tags = rules.stream().filter(r -> r instanceof FirewallRule.NetworkRule).map(FirewallRule.NetworkRule.class::cast)
                .flatMap(r -> r.destinationServiceTags().stream()).distinct().sorted().toList();
        // Regional where the documentation gives the regional form; no Storage tag (the endpoint policy serves it).
        assertThat(tags).containsExactly("AzureMachineLearning", "AzureMonitor", "BatchNodeManagement.WestEurope");
        var fqdns = rules.stream().filter(r -> r instanceof FirewallRule.ApplicationRule)
                .map(FirewallRule.ApplicationRule.class::cast).flatMap(r -> r.targetFqdns().stream()).sorted().toList();
        assertThat(fqdns).containsExactly("*.data.mcr.microsoft.com", "login.microsoftonline.com",
                "management.azure.com", "mcr.microsoft.com");
        assertThat(rules).allSatisfy(r -> assertThat(r.why()).isNotBlank());
        assertThat(EgressRules.contributionProblems(List.of(contribution),
                java.util.Set.of(SourceGroups.DATABRICKS, SourceGroups.ML_COMPUTE))).isEmpty();

        // High business impact: the Batch back end's vault, in this region only.
        var hbi = MachineLearningWorkspace.firewallContribution("westeurope", true).collections().stream()
                .flatMap(c -> c.rules().stream()).filter(r -> r instanceof FirewallRule.NetworkRule)
                .map(FirewallRule.NetworkRule.class::cast).flatMap(r -> r.destinationServiceTags().stream()).toList();
        assertThat(hbi).contains("AzureKeyVault.WestEurope");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var plan = MockRun.run(ctx -> new MachineLearningWorkspace("ml", MachineLearningWorkspaceArgs.builder()
                .location("westeurope").naming(NAMING).computeAddressSpace("10.30.0.0/16")
                .common(CommonOptions.defaults()).build(), null));
        assertThat(String.join("\n", plan.errors()))
                .contains("hub is required")
                .contains("egress is required")
                .contains("computeAddressSpace must be /20 to /27")
                .contains("storageKey is required")
                .contains("common.logAnalyticsWorkspaceId is required");
    }
}
