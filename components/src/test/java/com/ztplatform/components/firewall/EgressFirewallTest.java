package com.ztplatform.components.firewall;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class EgressFirewallTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String FIREWALL = "azure-native:network:AzureFirewall";
    private static final String POLICY = "azure-native:network:FirewallPolicy";
    private static final String RCG = "azure-native:network:FirewallPolicyRuleCollectionGroup";

    private static final EgressPlan.Sources ANALYTICS = EgressPlan.databricks("analytics",
            List.of("10.11.0.0/26", "10.11.0.64/26"));

    /** Hub 10.0.0.0/22 (AzureFirewallSubnet 10.0.0.0/26), an egress path, the firewall planned with one spoke. */
    private static Plan plan(FirewallSettings settings, EgressMode mode, boolean managementSubnet,
                             UnaryOperator<EgressPlan.Builder> planned, Consumer<EgressFirewall> built) {
        Consumer<Context> program = ctx -> {
            var rg = Output.of("ztp-dev-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"))
                    .withLogAnalyticsWorkspaceId(Output.of("/subscriptions/0/resourceGroups/rg/providers/"
                            + "Microsoft.OperationalInsights/workspaces/law"));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).mode(mode)
                    .forcedTunnelNextHopIp(mode == EgressMode.FORCED_TUNNEL ? Optional.of("10.200.0.4") : Optional.empty())
                    .common(common).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).addressSpace("10.0.0.0/22").firewallManagementSubnet(managementSubnet)
                    .firewallSubnetNatGatewayId(egress.natGatewayId().orElse(null))
                    .firewallSubnetRouteTableId(egress.firewallSubnetRouteTableId().orElse(null))
                    .privateDnsZones(List.of("privatelink.azuredatabricks.net")).common(common).build(), null);
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING)
                    .settings(settings).plan(planned.apply(EgressPlan.builder().sources(ANALYTICS)).build())
                    .common(common).build(), null);
            built.accept(firewall);
        };
        return MockRun.run(program);
    }

    private static Plan plan(FirewallSettings settings) {
        return plan(settings, EgressMode.NAT_GATEWAY, true, p -> p, f -> { });
    }

    private static Plan.PlanResource one(Plan plan, String type) {
        assertThat(plan.errors()).isEmpty();
        var resources = plan.ofType(type);
        assertThat(resources).hasSize(1);
        return resources.get(0);
    }

    @Test
    void standardPolicyDeniesThreatsAndProxiesDnsWithoutIdps() {
        var policy = one(plan(FirewallSettings.defaults()), POLICY);
        assertThat(policy.inputString("sku.tier")).hasValue("Standard");
        assertThat(policy.inputString("threatIntelMode")).hasValue("Deny");
        assertThat(policy.input("dnsSettings.enableProxy").orElseThrow().getAsBoolean()).isTrue();
        assertThat(policy.input("intrusionDetection")).isEmpty();
        assertThat(policy.input("transportSecurity")).as("TLS inspection off").isEmpty();
    }

    @Test
    void premiumAddsIdpsInDenyModeByDefault() {
        var policy = one(plan(FirewallSettings.defaults().withSku(FirewallSku.PREMIUM)), POLICY);
        assertThat(policy.inputString("sku.tier")).hasValue("Premium");
        assertThat(policy.inputString("intrusionDetection.mode")).hasValue("Deny");
    }

    @Test
    void basicHasNoDnsProxyAndUsesTheManagementSubnet() {
        var basic = new FirewallSettings(FirewallSku.BASIC, List.of(), "Alert", false, Optional.empty(),
                ControlPlaneMode.SERVICE_TAGS, false, true, Map.of(), java.util.Set.of());
        var plan = plan(basic);
        var policy = one(plan, POLICY);
        assertThat(policy.input("dnsSettings")).isEmpty();
        assertThat(policy.inputString("threatIntelMode")).hasValue("Alert");
        var firewall = one(plan, FIREWALL);
        assertThat(firewall.inputString("sku.tier")).hasValue("Basic");
        assertThat(firewall.inputString("managementIpConfiguration.subnet.id")).hasValueSatisfying(
                id -> assertThat(id).endsWith("/subnets/AzureFirewallManagementSubnet"));
        assertThat(firewall.inputString("managementIpConfiguration.publicIPAddress.id")).isPresent();
    }

    @Test
    void standardWithNatGatewayNeedsNoManagementIp() {
        var plan = plan(FirewallSettings.defaults());
        var firewall = one(plan, FIREWALL);
        assertThat(firewall.input("managementIpConfiguration")).isEmpty();
        assertThat(firewall.inputString("sku.name")).hasValue("AZFW_VNet");
        assertThat(firewall.inputString("firewallPolicy.id")).hasValue(one(plan, POLICY).id());
    }

    @Test
    void forcedTunnelUsesTheManagementSubnetAndAnUpstreamRouteOnTheFirewallSubnet() {
        var plan = plan(FirewallSettings.defaults(), EgressMode.FORCED_TUNNEL, true, p -> p, f -> { });
        var firewall = one(plan, FIREWALL);
        assertThat(firewall.input("managementIpConfiguration")).isPresent();
        var firewallSubnet = subnet(plan, "AzureFirewallSubnet");
        var routeTable = plan.byId(firewallSubnet.inputString("routeTable.id").orElseThrow()).orElseThrow();
        var route = routeTable.input("routes").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(route.get("addressPrefix").getAsString()).isEqualTo("0.0.0.0/0");
        assertThat(route.get("nextHopIpAddress").getAsString()).isEqualTo("10.200.0.4");
        assertThat(firewallSubnet.input("natGateway")).isEmpty();
        assertThat(plan.ofType("azure-native:network:NatGateway")).isEmpty();
    }

    @Test
    void natGatewayIsAssociatedWithTheFirewallSubnet() {
        var plan = plan(FirewallSettings.defaults());
        var nat = one(plan, "azure-native:network:NatGateway");
        assertThat(subnet(plan, "AzureFirewallSubnet").inputString("natGateway.id")).hasValue(nat.id());
        var pip = plan.byId(nat.input("publicIpAddresses").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString()).orElseThrow();
        assertThat(pip.inputString("publicIPAllocationMethod")).hasValue("Static");
        assertThat(pip.inputString("sku.name")).hasValue("Standard");
    }

    @Test
    void spokeRouteSendsEverythingToTheFirewallsPrivateIp() {
        var plan = plan(FirewallSettings.defaults());
        var firewall = one(plan, FIREWALL);
        var firewallIp = firewall.mockComputed().getAsJsonArray("ipConfigurations").get(0).getAsJsonObject()
                .get("privateIPAddress").getAsString();
        assertThat(firewallIp).isEqualTo("10.0.0.4");
        var table = plan.ofType("azure-native:network:RouteTable").stream()
                .filter(t -> t.inputString("routeTableName").orElse("").contains("spokes")).findFirst().orElseThrow();
        assertThat(table.input("disableBgpRoutePropagation").orElseThrow().getAsBoolean()).isTrue();
        var routes = table.input("routes").orElseThrow().getAsJsonArray();
        assertThat(routes).hasSize(1);
        var route = routes.get(0).getAsJsonObject();
        assertThat(route.get("addressPrefix").getAsString()).isEqualTo("0.0.0.0/0");
        assertThat(route.get("nextHopType").getAsString()).isEqualTo("VirtualAppliance");
        assertThat(route.get("nextHopIpAddress").getAsString()).isEqualTo(firewallIp);
    }

    @Test
    void logsGoToResourceSpecificTables() {
        var plan = plan(FirewallSettings.defaults());
        var diag = plan.ofType("azure-native:insights:DiagnosticSetting").stream()
                .filter(d -> d.inputString("resourceUri").orElse("").equals(plan.ofType(FIREWALL).get(0).id()))
                .findFirst().orElseThrow();
        assertThat(diag.inputString("logAnalyticsDestinationType")).hasValue("Dedicated");
        assertThat(StreamSupport.stream(diag.input("logs").orElseThrow().getAsJsonArray().spliterator(), false)
                .map(l -> l.getAsJsonObject().get("category").getAsString()))
                .containsExactlyInAnyOrder("AZFWApplicationRule", "AZFWNetworkRule", "AZFWNatRule", "AZFWDnsQuery",
                        "AZFWThreatIntel", "AZFWIdpsSignature", "AZFWFqdnResolveFailure");
        // Policy analytics reads those logs from the same workspace.
        var policy = plan.ofType("azure-native:network:FirewallPolicy").get(0);
        assertThat(policy.input("insights.isEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(policy.inputString("insights.logAnalyticsResources.defaultWorkspaceId.id"))
                .hasValue(diag.inputString("workspaceId").orElseThrow());
    }

    @Test
    void ruleSourcesAreOnlyTheDatabricksIpGroupHoldingTheRegisteredSubnets() {
        var plan = plan(FirewallSettings.defaults());
        var ipGroup = one(plan, "azure-native:network:IpGroup");
        assertThat(ipGroup.input("ipAddresses").orElseThrow().toString())
                .isEqualTo("[\"10.11.0.0/26\",\"10.11.0.64/26\"]");
        var allRules = plan.ofType(RCG).stream().flatMap(g -> rules(g).stream()).toList();
        assertThat(allRules).isNotEmpty();
        for (var rule : allRules) {
            assertThat(rule.has("sourceAddresses")).as(rule.get("name").getAsString()).isFalse();
            assertThat(rule.get("sourceIpGroups").toString()).isEqualTo("[\"" + ipGroup.id() + "\"]");
        }
    }

    @Test
    void ruleCollectionGroupsAreWrittenOneAfterAnotherAndTheFirewallWaitsForThem() {
        var plan = plan(FirewallSettings.defaults(), EgressMode.NAT_GATEWAY, true,
                p -> p.contribution(new RuleContribution("onelake", List.of(new RuleCollection("onelake", 100,
                        List.of(new FirewallRule.ApplicationRule("onelake-dfs", List.of(SourceGroups.DATABRICKS),
                                List.of("onelake.dfs.fabric.microsoft.com"), List.of("Https:443"), "OneLake")))))),
                f -> { });
        var groups = plan.ofType(RCG).stream()
                .sorted(java.util.Comparator.comparingInt(g -> g.input("priority").orElseThrow().getAsInt())).toList();
        assertThat(groups).extracting(g -> g.inputString("ruleCollectionGroupName").orElseThrow())
                .containsExactly("rcg-databricks-control-plane", "rcg-entra-id", "rcg-contributions");
        for (int i = 1; i < groups.size(); i++) {
            assertThat(groups.get(i).dependencies()).contains(groups.get(i - 1).urn());
        }
        assertThat(plan.ofType(FIREWALL).get(0).dependencies()).contains(groups.get(groups.size() - 1).urn());
        var contributed = rules(groups.get(2));
        assertThat(contributed).singleElement().satisfies(r ->
                assertThat(r.get("targetFqdns").toString()).isEqualTo("[\"onelake.dfs.fabric.microsoft.com\"]"));
    }

    @Test
    void spokesUseTheFirewallAsDnsServerOnlyWhenTheProxyIsOn() {
        var seen = new java.util.concurrent.atomic.AtomicReference<Optional<List<String>>>();
        plan(FirewallSettings.defaults(), EgressMode.NAT_GATEWAY, true, p -> p, f -> seen.set(f.dnsServers()));
        assertThat(seen.get()).contains(List.of("10.0.0.4"));
        var basic = new FirewallSettings(FirewallSku.BASIC, List.of(), "Alert", false, Optional.empty(),
                ControlPlaneMode.SERVICE_TAGS, false, true, Map.of(), java.util.Set.of());
        plan(basic, EgressMode.NAT_GATEWAY, true, p -> p, f -> seen.set(f.dnsServers()));
        assertThat(seen.get()).isEmpty();
    }

    @Test
    void zonesApplyToTheFirewallAndItsPublicIp() {
        var zonal = new FirewallSettings(FirewallSku.STANDARD, List.of("1", "2", "3"), "Deny", true, Optional.empty(),
                ControlPlaneMode.FQDN, false, true, Map.of(), java.util.Set.of());
        var plan = plan(zonal);
        var firewall = one(plan, FIREWALL);
        assertThat(firewall.input("zones").orElseThrow().toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
        var pip = plan.byId(firewall.input("ipConfigurations").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("publicIPAddress").get("id").getAsString()).orElseThrow();
        assertThat(pip.input("zones").orElseThrow().toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
    }

    @Test
    void whatTheSkuCannotHonourIsAnErrorNotADowngrade() {
        var catalogue = EgressCatalogue.load();
        var basicDefaults = FirewallSettings.defaults().withSku(FirewallSku.BASIC);
        assertThat(basicDefaults.problems("firewall", "westeurope", catalogue, EgressMode.NAT_GATEWAY, true))
                .contains("firewall.threatIntelMode Deny is not available on sku Basic (it only alerts); "
                                + "set threatIntelMode: Alert or use sku Standard",
                        "firewall.dnsProxy is not available on sku Basic; set dnsProxy: false or use sku Standard");
        var idpsOnStandard = new FirewallSettings(FirewallSku.STANDARD, List.of(), "Deny", true, Optional.of("Deny"),
                ControlPlaneMode.FQDN, false, true, Map.of(), java.util.Set.of());
        assertThat(idpsOnStandard.problems("firewall", "westeurope", catalogue, EgressMode.NAT_GATEWAY, true))
                .containsExactly("firewall.idpsMode needs sku Premium, got sku Standard");
        assertThat(FirewallSettings.defaults().problems("firewall", "westeurope", catalogue, EgressMode.FORCED_TUNNEL, false))
                .containsExactly("firewall.egress.mode forcedTunnel needs AzureFirewallManagementSubnet; "
                        + "set hub.firewallManagementSubnet: true");
    }

    @Test
    void anOpenSourceOrAnUnknownGroupInThePlanFailsNamingTheEntry() {
        var plan = plan(FirewallSettings.defaults(), EgressMode.NAT_GATEWAY, true,
                p -> p.sources(EgressPlan.databricks("bad", List.of("0.0.0.0/0"))), f -> { });
        assertThat(String.join("\n", plan.errors())).contains("plan.sources[1] (bad) source subnet 0.0.0.0/0 is wider "
                + "than /16; plan the Databricks subnets themselves, like 10.11.0.0/26");
        assertThat(plan.ofType(FIREWALL)).as("nothing is created from a bad plan").isEmpty();

        var unknown = plan(FirewallSettings.defaults(), EgressMode.NAT_GATEWAY, true,
                p -> p.sources(new EgressPlan.Sources("vms", "ops", List.of("10.12.0.0/26"))), f -> { });
        assertThat(String.join("\n", unknown.errors())).contains("plan.sources[1].group must be one of aks, databricks, "
                + "integration, ml-compute, serverless-router, like databricks, got 'vms'");
    }

    @Test
    void aRuleForAGroupThePlanDoesNotFillIsRefused() {
        var plan = plan(FirewallSettings.defaults(), EgressMode.NAT_GATEWAY, true,
                p -> p.contribution(new RuleContribution("router", List.of(new RuleCollection("forwards", 100,
                        List.of(new FirewallRule.NetworkRule("to-sql", List.of(SourceGroups.SERVERLESS_ROUTER),
                                List.of("10.200.10.5/32"), List.of(), List.of(), List.of("1433"), List.of("TCP"),
                                "SQL")))))), f -> { });
        assertThat(String.join("\n", plan.errors())).contains("plan.contributions: ").contains("serverless-router");
    }

    @Test
    void withoutPlannedSourcesTheFirewallWarnsThatNoRuleMatches() {
        var seen = new java.util.concurrent.atomic.AtomicReference<List<String>>();
        Consumer<Context> program = ctx -> {
            var rg = Output.of("ztp-dev-hub-rg");
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).build(), null);
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).addressSpace("10.0.0.0/22").firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow())
                    .build(), null);
            seen.set(new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING).build(),
                    null).warnings());
        };
        var plan = MockRun.run(program);
        assertThat(plan.errors()).isEmpty();
        assertThat(one(plan, "azure-native:network:IpGroup").input("ipAddresses").orElseThrow().toString()).isEqualTo("[]");
        assertThat(seen.get()).contains("EgressFirewall 'fw': no subnets planned in source group 'databricks', so no "
                + "rule matches it");
    }

    private static Plan.PlanResource subnet(Plan plan, String name) {
        return plan.ofType("azure-native:network:Subnet").stream()
                .filter(s -> s.inputString("subnetName").orElse("").equals(name)).findFirst().orElseThrow();
    }

    private static List<JsonObject> rules(Plan.PlanResource group) {
        return StreamSupport.stream(group.input("ruleCollections").orElseThrow().getAsJsonArray().spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.getAsJsonObject().getAsJsonArray("rules").spliterator(), false))
                .map(JsonElement::getAsJsonObject).toList();
    }
}
