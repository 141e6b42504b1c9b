package com.ztplatform.components.aks;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.serverless.ServerlessAllowlist;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateAksClusterTest {
    private static final Naming NAMING = new Naming("ztp", "prod");
    private static final String SPACE = "10.120.0.0/22";
    private static final String ZONE = "privatelink.westeurope.azmk8s.io";
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-prod-law";
    private static final String ACR = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-ai-rg/providers/Microsoft.ContainerRegistry/registries/ztpprodacr";
    private static final AksSettings SETTINGS = new AksSettings(SPACE, 3, AksSettings.DEFAULT_VM_SIZE,
            List.of("1", "2", "3"), List.of("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"));

    private static Plan plan(EgressPlan egressPlan, List<String> zones, AksSettings settings) {
        var plan = MockRun.run(ctx -> {
            var rg = Output.of("ztp-prod-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team")).withLock(true)
                    .withLogAnalyticsWorkspaceId(Output.of(LAW));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(NAMING).common(common).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).addressSpace("10.100.0.0/22").privateDnsZones(zones)
                    .firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow()).common(common).build(), null);
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING)
                    .plan(egressPlan).common(common).build(), null);
            new PrivateAksCluster("aks", PrivateAksClusterArgs.builder().resourceGroupName(Output.of("ztp-prod-aks-rg"))
                    .location("westeurope").naming(NAMING).settings(settings).hub(hub).egress(firewall)
                    .registryId(Output.of(ACR)).common(common).build(), null);
        });
        return plan;
    }

    private static EgressPlan aksPlan() {
        return EgressPlan.builder().sources(AksEgress.egressSources(SPACE)).contribution(AksEgress.firewallContribution())
                .build();
    }

    private static List<String> zonesWithAks() {
        var zones = new ArrayList<>(PrivateDnsZones.DEFAULTS);
        zones.add(ZONE);
        return zones;
    }

    @Test
    void theClusterIsPrivateEntraOnlyAndLeavesThroughTheFirewall() {
        var plan = plan(aksPlan(), zonesWithAks(), SETTINGS);
        assertThat(plan.errors()).isEmpty();
        var cluster = plan.ofType("azure-native:containerservice:ManagedCluster").get(0);
        assertThat(cluster.id()).endsWith("/resourceGroups/ztp-prod-aks-rg/providers/Microsoft.ContainerService/"
                + "managedClusters/ztp-prod-aks");
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateCluster").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateClusterPublicFQDN").orElseThrow().getAsBoolean())
                .isFalse();
        assertThat(cluster.input("apiServerAccessProfile.disableRunCommand").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.inputString("apiServerAccessProfile.privateDNSZone").orElseThrow())
                .endsWith("/privateDnsZones/" + ZONE);
        assertThat(cluster.inputString("networkProfile.outboundType")).hasValue("userDefinedRouting");
        assertThat(cluster.inputString("networkProfile.networkPlugin")).hasValue("azure");
        assertThat(cluster.input("disableLocalAccounts").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("enableRBAC").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("aadProfile.managed").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("aadProfile.enableAzureRBAC").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("oidcIssuerProfile.enabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.input("securityProfile.workloadIdentity.enabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(cluster.inputString("identity.type")).hasValue("UserAssigned");
        assertThat(cluster.inputString("sku.tier")).hasValue("Free");
        var pool = cluster.input("agentPoolProfiles").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(pool.get("enableNodePublicIP").getAsBoolean()).isFalse();
        assertThat(pool.get("mode").getAsString()).isEqualTo("System");
        assertThat(pool.get("count").getAsInt()).isEqualTo(3);
        assertThat(pool.get("vnetSubnetID").getAsString()).endsWith("/virtualNetworks/ztp-prod-aks-vnet/subnets/"
                + PrivateAksCluster.SUBNET);

        // The node subnet is the first half of the space and routes everything to the firewall.
        var subnet = plan.named("aks-snet");
        assertThat(subnet.inputString("addressPrefix")).hasValue("10.120.0.0/23");
        assertThat(subnet.inputString("routeTable.id").orElseThrow()).isEqualTo(plan.named("fw-spoke-rt").id());
        // No public address anywhere in the cluster's spoke.
        assertThat(plan.ofType("azure-native:network:PublicIPAddress")).noneSatisfy(p ->
                assertThat(p.parent()).contains("PrivateAksCluster"));
        // The audit logs go to the platform workspace; the cluster is locked.
        assertThat(plan.named("aks-diag").inputString("workspaceId")).hasValue(LAW);
        assertThat(plan.named("aks-lock").inputString("scope")).hasValue(cluster.id());
    }

    @Test
    void theKubeletPullsFromTheRegistryOnlyAndTheControlPlaneHoldsTheNarrowestGrants() {
        var plan = plan(aksPlan(), zonesWithAks(), SETTINGS);
        var cluster = plan.named("aks-cluster");
        var kubelet = plan.named("aks-kubelet-id");
        var controlPlane = plan.named("aks-id");
        var kubeletPrincipal = kubelet.mockComputed().get("principalId").getAsString();
        var controlPrincipal = controlPlane.mockComputed().get("principalId").getAsString();
        assertThat(cluster.inputString("identityProfile.kubeletidentity.resourceId")).hasValue(kubelet.id());

        var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.name().startsWith("aks-")).toList();
        assertThat(grants).extracting(r -> r.inputString("roleDefinitionId").orElseThrow()
                .replaceAll(".*/", "") + "@" + r.inputString("scope").orElseThrow().replaceAll(".*/", ""))
                .containsExactlyInAnyOrder(
                        PrivateAksCluster.ACR_PULL + "@ztpprodacr",
                        PrivateAksCluster.PRIVATE_DNS_ZONE_CONTRIBUTOR + "@" + ZONE,
                        PrivateAksCluster.NETWORK_CONTRIBUTOR + "@" + PrivateAksCluster.SUBNET,
                        PrivateAksCluster.MANAGED_IDENTITY_OPERATOR + "@ztp-prod-aks-kubelet-id");
        assertThat(plan.named("aks-acr-pull").inputString("principalId")).hasValue(kubeletPrincipal);
        assertThat(grants.stream().filter(g -> !g.name().equals("aks-acr-pull")))
                .allSatisfy(g -> assertThat(g.inputString("principalId")).hasValue(controlPrincipal));
        // Created only once the grants, the peering and the zone links exist.
        assertThat(cluster.dependencies()).contains(plan.named("aks-acr-pull").urn(), plan.named("aks-dns-zone").urn());
    }

    @Test
    void theFirewallAdmitsTheNodeSubnetToTheRequiredHostsOnlyAndServerlessDoesNotInheritThem() {
        var contribution = AksEgress.firewallContribution();
        var fqdns = contribution.collections().stream().flatMap(c -> c.rules().stream())
                .map(r -> (FirewallRule.ApplicationRule) r)
                .peek(r -> assertThat(r.sourceGroups()).containsExactly(SourceGroups.AKS))
                .peek(r -> assertThat(r.protocols()).containsExactly("Https:443"))
                .flatMap(r -> r.targetFqdns().stream()).toList();
        assertThat(fqdns).containsExactlyInAnyOrderElementsOf(AksEgress.REQUIRED_FQDNS.keySet());
        assertThat(AksEgress.egressSources(SPACE).cidrs()).containsExactly("10.120.0.0/23");

        var plan = plan(aksPlan(), zonesWithAks(), SETTINGS);
        assertThat(plan.errors()).isEmpty();
        var groups = new ArrayList<com.ztplatform.components.firewall.RuleCollectionGroupSpec>();
        MockRun.run(ctx -> {
            var rg = Output.of("ztp-prod-hub-rg");
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(NAMING).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).addressSpace("10.100.0.0/22")
                    .firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow()).build(), null);
            groups.addAll(new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING)
                    .plan(aksPlan()).build(), null).ruleCollectionGroups());
        });
        assertThat(ServerlessAllowlist.from(groups).destinations()).doesNotContain("mcr.microsoft.com",
                "packages.aks.azure.com", "acs-mirror.azureedge.net");
    }

    @Test
    void aFirewallPlanWithoutTheClusterIsRefusedBeforeAnythingIsCreated() {
        var plan = plan(EgressPlan.empty(), zonesWithAks(), SETTINGS);
        assertThat(String.join("\n", plan.errors())).contains("lacks the cluster's source group [10.120.0.0/23]");
    }

    @Test
    void aHubWithoutTheRegionalAksZoneIsRefused() {
        var plan = plan(aksPlan(), PrivateDnsZones.DEFAULTS, SETTINGS);
        assertThat(String.join("\n", plan.errors())).contains("registers in " + ZONE + ", which the hub lacks");
    }

    @Test
    void settingsAreCheckedWithExamples() {
        var bad = new AksSettings("10.120.0.0/24", 0, "D4", List.of("4"), List.of("admins"));
        assertThat(bad.problems("aks.")).containsExactlyInAnyOrder(
                "aks.addressSpace must be /16 to /23 (Azure CNI gives every pod a VNet address), like 10.120.0.0/22, "
                        + "got 10.120.0.0/24",
                "aks.nodeCount must be 1 to 10, like 3, got 0",
                "aks.vmSize must be an Azure VM size like Standard_D4ds_v5, got 'D4'",
                "aks.zones[0] must be one of \"1\", \"2\", \"3\", each once, like [\"1\", \"2\", \"3\"], got '4'",
                "aks.adminGroupObjectIds[0] must be an Entra ID group object id like "
                        + "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9, got 'admins'");
        // Ten nodes with 30 pods each and a surge node need 341 addresses: a /23 space's /24 node subnet has 251.
        assertThat(new AksSettings("10.120.0.0/23", 10, "Standard_D4ds_v5", List.of(), List.of()).problems(""))
                .singleElement().asString().contains("need 341");
        assertThat(SETTINGS.problems("")).isEmpty();
    }

    @Test
    void thePolicyPackChecksTheSameRequiredHosts() throws Exception {
        var json = JsonParser.parseString(Files.readString(Path.of("../policy-pack/src/data/aks-required-fqdns.json")))
                .getAsJsonObject();
        var inPack = new ArrayList<String>();
        json.getAsJsonArray("fqdns").forEach(e -> inPack.add(e.getAsJsonObject().get("fqdn").getAsString()));
        assertThat(inPack).containsExactlyElementsOf(AksEgress.REQUIRED_FQDNS.keySet());
    }
}
