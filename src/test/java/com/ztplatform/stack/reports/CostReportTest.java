package com.ztplatform.stack.reports;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.ztplatform.stack.reports.TestPlans.plan;
import static com.ztplatform.stack.reports.TestPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

class CostReportTest {
    private static final String FIREWALL = "azure-native:network:AzureFirewall";

    private static CostReport.Estimate estimate(com.google.gson.JsonObject plan) {
        return CostReport.estimate(PlanModel.parse(plan));
    }

    @Test
    void aSmallStackAddsUpByHand() {
        var plan = plan(resource(FIREWALL, "fw", "{\"sku\": {\"name\": \"AZFW_VNet\", \"tier\": \"Standard\"}}"),
                resource("azure-native:network:PublicIPAddress", "pip", "{\"sku\": {\"name\": \"Standard\", \"tier\": \"Regional\"}}"),
                resource("azure-native:network:PrivateEndpoint", "pe", "{}"),
                resource("azure-native:network:Subnet", "snet", "{}"));
        var e = estimate(plan);
        // 1.25 $/h x 730 h = 912.50; 1,000 GB x 0.016 = 16.00; 0.005 x 730 = 3.65; 0.01 x 730 = 7.30;
        // private endpoint traffic 500 GB x 0.01 = 5.00. Sum 944.45. The subnet is free.
        assertThat(e.byResource()).containsEntry("fw", new BigDecimal("928.50")).containsEntry("pip", new BigDecimal("3.65"))
                .containsEntry("pe", new BigDecimal("7.30")).containsEntry(CostReport.STACK_USAGE, new BigDecimal("5.00"));
        assertThat(e.total()).isEqualByComparingTo("944.45");
        assertThat(e.freeResources()).isEqualTo(1);
        assertThat(e.unpriced()).isEmpty();
    }

    @Test
    void theStackConfigOverridesTheUsageAssumptions() {
        var plan = plan(resource(FIREWALL, "fw", "{\"sku\": {\"tier\": \"Premium\"}}"));
        plan.add("config", JsonParser.parseString("{\"zt-databricks:costAssumptions\": {\"firewallDataGb\": 5000, "
                + "\"hoursPerMonth\": 100}}"));
        var e = estimate(plan);
        // Premium 1.75 $/h x 100 h = 175.00; 5,000 GB x 0.016 = 80.00.
        assertThat(e.total()).isEqualByComparingTo("255.00");
        assertThat(e.assumptions().overridden("firewallDataGb")).isTrue();
        assertThat(e.assumptions().overridden("logIngestionGb")).isFalse();
        assertThat(CostReport.render(e)).contains("| `firewallDataGb` | 5000 (stack config) |");
    }

    @Test
    void aBilledResourceWithoutAMeterIsListedNeverZero() {
        var plan = plan(resource("azure-native:network:LoadBalancer", "lb", "{}"),
                resource("azure-native:network:VirtualNetworkGateway", "gw", "{\"sku\": {\"name\": \"VpnGw5AZ\"}}"));
        var e = estimate(plan);
        assertThat(e.lines()).isEmpty();
        assertThat(e.unpriced()).extracting(CostReport.Unpriced::resource).containsExactly("lb", "gw");
        assertThat(e.unpriced().get(1).why()).isEqualTo("no sourced meter for SKU VpnGw5AZ");
        assertThat(CostReport.render(e)).contains("## Not priced");
    }

    @Test
    void resolverEndpointsArePricedPerMonthAndScaleWithTheHours() {
        var plan = plan(resource("azure-native:network:DnsResolver", "dnspr", "{}"),
                resource("azure-native:network:InboundEndpoint", "in", "{}"),
                resource("azure-native:network:OutboundEndpoint", "out", "{}"),
                resource("azure-native:network:PublicIPPrefix", "prefix", "{\"prefixLength\": 30, \"sku\": {\"name\": \"Standard\"}}"));
        var e = estimate(plan);
        // 180 $/month each endpoint x 1 month; prefix 0.006 $/h x 730 h = 4.38; the resolver is free.
        // Total 180.00 + 180.00 + 4.38 = 364.38.
        assertThat(e.byResource()).containsEntry("in", new BigDecimal("180.00")).containsEntry("out", new BigDecimal("180.00"))
                .containsEntry("prefix", new BigDecimal("4.38")).doesNotContainKey("dnspr");
        assertThat(e.total()).isEqualByComparingTo("364.38");
        assertThat(e.freeResources()).isEqualTo(1);
        assertThat(CostReport.render(e)).contains("| `in` | Azure DNS Private Resolver Inbound endpoint | 730 h = 1 month | $180 / month | $180.00 |")
                .contains("| `prefix` | IP Addresses Public IP prefix (Static IP Addresses) | 730 h x 1 prefix (/30) | $0.006 / hour | $4.38 |");

        plan.add("config", JsonParser.parseString("{\"zt-databricks:costAssumptions\": {\"hoursPerMonth\": 365}}"));
        var half = estimate(plan);
        // 365 h = 365 / 730 = 0.5 month: 180 x 0.5 = 90.00 per endpoint; prefix 0.006 x 365 = 2.19.
        // Total 90.00 + 90.00 + 2.19 = 182.19.
        assertThat(half.byResource()).containsEntry("in", new BigDecimal("90.00")).containsEntry("prefix", new BigDecimal("2.19"));
        assertThat(half.total()).isEqualByComparingTo("182.19");
    }

    @Test
    void everyMeterAndEveryUnpricedEntryCarriesItsProvenance() {
        var meters = CostReport.meters();
        assertThat(meters).containsKeys("publicIpPrefix", "dnsResolverInboundEndpoint", "dnsResolverOutboundEndpoint")
                .doesNotContainKey("vpnGatewayVpnGw2AZ");
        assertThat(meters.values()).allSatisfy(m -> {
            assertThat(m.source()).as(m.id() + " source").isNotBlank();
            assertThat(m.asOf()).as(m.id() + " asOf").isNotBlank();
            assertThat(m.region()).as(m.id() + " region").isNotBlank();
        });
        // The resolver meters are West Europe, the region both stacks use (Pulumi.dev.yaml / Pulumi.prod.yaml).
        assertThat(meters.get("dnsResolverInboundEndpoint").region()).isEqualTo("westeurope");
        var reasons = CostReport.unpricedReasons();
        assertThat(reasons).containsOnlyKeys("vpnGatewayVpnGw2AZ", "bastionStandardAdditionalScaleUnit", "vnetFlowLogs");
        assertThat(reasons.values()).allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void negativeOrImpossibleAssumptionsAreRefusedNamingTheKey() {
        assertThat(CostAssumptions.problems("costAssumptions.", java.util.Map.of("firewallDataGb", -1)))
                .containsExactly("costAssumptions.firewallDataGb must be 0 or more, like 500, got -1");
        assertThat(CostAssumptions.problems("costAssumptions.", java.util.Map.of("hoursPerMonth", 800)))
                .containsExactly("costAssumptions.hoursPerMonth must be at most 744 (31 days), like 730, got 800");
    }

    @Test
    void theRealPlansArePricedByTheirSkus() {
        var dev = CostReport.estimate(TestPlans.realModel("dev"));
        var prod = CostReport.estimate(TestPlans.realModel("prod"));
        // Pulumi.dev.yaml firewall.sku Standard: 912.50 + 16.00; prod Premium: 1,277.50 + 16.00.
        assertThat(dev.byResource()).containsEntry("fw-fw", new BigDecimal("928.50"));
        assertThat(prod.byResource()).containsEntry("fw-fw", new BigDecimal("1293.50"));
        // prod's VPN gateway is VpnGw2AZ, which the reference data could not price: listed with the data's reason.
        assertThat(prod.unpriced()).filteredOn(u -> u.resource().equals("hub-vpngw")).singleElement()
                .satisfies(u -> assertThat(u.why()).startsWith("SKU VpnGw2AZ: no reliable current list price"));
        // Pulumi.prod.yaml hub.bastion.scaleUnits 3: one unit above the 2 included, no USD source.
        assertThat(prod.unpriced()).filteredOn(u -> u.resource().equals("hub-bastion")).singleElement()
                .satisfies(u -> assertThat(u.why()).startsWith("1 scale unit(s) above the 2 included: no USD source"));
        // prod egress.publicIpPrefixLength 31: one prefix, 0.006 $/h x 730 h = 4.38.
        // prod hub.dnsResolver with outboundEndpoint false: the inbound endpoint only, 180 $/month x 1 = 180.00;
        // the resolver itself is free.
        assertThat(prod.byResource()).containsEntry("egress-pipprefix", new BigDecimal("4.38"))
                .containsEntry("hub-dnspr-in", new BigDecimal("180.00")).doesNotContainKey("hub-dnspr");
        assertThat(prod.unpriced()).extracting(CostReport.Unpriced::resource)
                .doesNotContain("egress-pipprefix", "hub-dnspr", "hub-dnspr-in");
        // prod total: 2,044.80 before these two meters (plan of 2026-12-05) + 4.38 + 180.00 = 2,229.18; then the
        // landing's own vault (private endpoint 7.30 + 10 x 10K operations x 0.03 = 0.30) and the data lake (dfs and
        // blob endpoints 2 x 7.30 = 14.60, its HSM key in the Premium vault 5.00): 2,229.18 + 7.60 + 19.60 = 2,256.38.
        assertThat(prod.byResource()).containsEntry("landing-kv-pe-vault", new BigDecimal("7.30"))
                .containsEntry("landing-kv-vault", new BigDecimal("0.30"))
                .containsEntry("lake-pe-dfs", new BigDecimal("7.30")).containsEntry("lake-pe-blob", new BigDecimal("7.30"))
                .containsEntry("kv-lake-storage", new BigDecimal("5.00"));
        // The AI platform (ai section): the registry's and the AI account's endpoints 2 x 7.30 = 14.60 and the hub's
        // services.ai zone 0.50; the registry, the account and its deployments have no reference meter (listed with
        // why): 2,256.38 + 15.10 = 2,271.48.
        assertThat(prod.byResource()).containsEntry("acr-pe-registry", new BigDecimal("7.30"))
                .containsEntry("ai-pe-account", new BigDecimal("7.30"))
                .containsEntry("hub-zone-privatelink-services-ai-azure-com", new BigDecimal("0.50"));
        assertThat(prod.unpriced()).extracting(CostReport.Unpriced::resource)
                .contains("acr-registry", "ai-account", "ai-deploy-gpt-4o", "ai-deploy-embeddings");
        // The machine learning workspace (ai.machineLearning, prod only): four endpoints (workspace, storage blob and
        // file, its vault) 4 x 7.30 = 29.20 and its vault's 10 x 10K operations x 0.03 = 0.30; the workspace, Application
        // Insights, the storage account and the endpoint policy have no reference meter: 2,271.48 + 29.50 = 2,300.98.
        assertThat(prod.byResource()).containsEntry("ml-pe-amlworkspace", new BigDecimal("7.30"))
                .containsEntry("ml-storage-pe-blob", new BigDecimal("7.30"))
                .containsEntry("ml-storage-pe-file", new BigDecimal("7.30"))
                .containsEntry("ml-kv-pe-vault", new BigDecimal("7.30"))
                .containsEntry("ml-kv-vault", new BigDecimal("0.30"));
        assertThat(prod.unpriced()).extracting(CostReport.Unpriced::resource)
                .contains("ml-workspace", "ml-appi", "ml-storage");
        // The private integration (integration section, prod only): the namespace's endpoint, the function app's
        // and its storage account's blob/queue/table endpoints, 5 x 7.30 = 36.50; the hub's azurewebsites zone (a new
        // default, in both stacks) 0.50. The namespace, the plan and Application Insights have no reference meter
        // (listed with why). With the machine learning workspace above: 2,271.48 + 29.50 + 36.50 + 0.50
        // = 2,337.98.
        assertThat(prod.byResource()).containsEntry("bus-pe-namespace", new BigDecimal("7.30"))
                .containsEntry("func-pe-sites", new BigDecimal("7.30"))
                .containsEntry("func-storage-pe-table", new BigDecimal("7.30"))
                .containsEntry("hub-zone-privatelink-azurewebsites-net", new BigDecimal("0.50"));
        assertThat(prod.unpriced()).extracting(CostReport.Unpriced::resource)
                .contains("bus-namespace", "func-plan", "func-appi");
        // The private AKS cluster (aks section, prod only): the hub's privatelink.westeurope.azmk8s.io zone 0.50 and
        // the API server's private endpoint that AKS creates outside the plan 7.30; the Free control plane costs
        // nothing, and its 3 x Standard_D4ds_v5 nodes are listed unpriced (no VM meter in the reference prices; at
        // list prices they would be several hundred dollars a month, far more than everything added here):
        // with the ML workspace and the integration above, 2,337.98 + 7.80 = 2,345.78.
        assertThat(prod.byResource()).containsEntry("aks-cluster", new BigDecimal("7.30"))
                .containsEntry("hub-zone-privatelink-westeurope-azmk8s-io", new BigDecimal("0.50"));
        assertThat(prod.unpriced()).filteredOn(u -> u.resource().equals("aks-cluster")).singleElement()
                .satisfies(u -> assertThat(u.why()).contains("3 x Standard_D4ds_v5").contains("no VM meter"));
        assertThat(dev.byResource()).doesNotContainKey("aks-cluster");
        // The alerts section adds no priced line: activity log alerts, the budget and the action group are free, and
        // the four log search alert rules are listed as not priced (no Azure Monitor meter in the reference prices),
        // so the total stays 2,345.78.
        assertThat(prod.unpriced()).filteredOn(u -> u.type().equals("azure-native:insights:ScheduledQueryRule"))
                .extracting(CostReport.Unpriced::resource)
                .containsExactlyInAnyOrder("alerts-fw-denies", "alerts-kv-denied", "alerts-storage-auth", "alerts-landing-failed")
                .allSatisfy(n -> assertThat(prod.byResource()).doesNotContainKey(n));
        assertThat(prod.byResource()).doesNotContainKeys("alerts-ag", "alerts-budget", "alerts-route-tables");
        // The Azure Monitor Private Link Scope (logs.privateLinkScope, both stacks): its azuremonitor endpoint 7.30 and
        // the four Azure Monitor zones the hub adds, 4 x 0.50 = 2.00 (the blob zone was there); the scope and its scoped
        // resources are free: 2,345.78 + 9.30 = 2,355.08.
        for (var stack : java.util.List.of(prod, dev)) {
            assertThat(stack.byResource()).containsEntry("ampls-pe-azuremonitor", new BigDecimal("7.30"))
                    .containsEntry("hub-zone-privatelink-monitor-azure-com", new BigDecimal("0.50"))
                    .containsEntry("hub-zone-privatelink-agentsvc-azure-automation-net", new BigDecimal("0.50"))
                    .doesNotContainKeys("ampls-scope", "ampls-law");
            assertThat(stack.unpriced()).extracting(CostReport.Unpriced::resource).doesNotContain("ampls-scope", "ampls-law");
        }
        // Delta Sharing (prod: one recipient): the sharing account's dfs and blob endpoints 2 x 7.30 = 14.60; the
        // account itself is listed unpriced like the lake (no storage meter in the reference prices; its bill is
        // capacity, transactions and the recipients' egress): 2,355.08 + 14.60 = 2,369.68. The router's OS disk key and
        // the landing staging key are prod's two new RSA-HSM keys, 2 x 5.00 (issue 20 follow-ups): 2,379.68. The flow
        // log, machine learning and function host accounts' keys are three more, 3 x 5.00: 2,394.68.
        assertThat(prod.byResource()).containsEntry("sharing-pe-dfs", new BigDecimal("7.30"))
                .containsEntry("sharing-pe-blob", new BigDecimal("7.30"));
        assertThat(prod.unpriced()).extracting(CostReport.Unpriced::resource).contains("sharing-account");
        assertThat(dev.byResource()).doesNotContainKeys("sharing-pe-dfs", "sharing-pe-blob");
        // The workspace's saved-query account (issue 20: Azure's built-in "Saved-queries in Azure Monitor should be saved
        // in customer storage account"), both stacks: its blob endpoint 7.30 (prices.json privateEndpointHour, 0.01/h x
        // 730); the account is listed unpriced like the lake, its link is free; prod's vault holds HSM keys, so its
        // law-saved-queries key is one more RSA-HSM key at 5.00 (prices.json): 2,379.68 + 12.30 = 2,391.98.
        for (var stack : java.util.List.of(prod, dev)) {
            assertThat(stack.byResource()).containsEntry("saved-queries-pe-blob", new BigDecimal("7.30"))
                    .doesNotContainKeys("saved-queries-query", "saved-queries-alerts");
            assertThat(stack.unpriced()).extracting(CostReport.Unpriced::resource).contains("saved-queries-account")
                    .doesNotContain("saved-queries-query", "saved-queries-alerts");
        }
        assertThat(prod.byResource()).containsEntry("kv-law-saved-queries", new BigDecimal("5.00"));
        // The machine learning, function host and flow log accounts' keys (ml-storage, func-storage, flowlogs-storage),
        // three more RSA-HSM keys at 5.00: 2,391.98 + 15.00 = 2,406.98.
        assertThat(prod.total()).isEqualByComparingTo("2406.98");
        // dev has neither a prefix (egress by public IP) nor a resolver nor a VPN gateway: $1,547.50 before them
        // (plan of 2026-12-05), then the landing vault (7.30 + 0.30) and the lake's two endpoints (14.60; its key is
        // a software key, billed by operations of the platform vault): 1,547.50 + 7.60 + 14.60 = 1,569.70.
        // The AI platform adds the same two endpoints and zone in dev: 1,569.70 + 15.10 = 1,584.80.
        // dev has no integration section; only the hub's azurewebsites zone: 1,584.80 + 0.50 = 1,585.30.
        // The Azure Monitor Private Link Scope as in prod: 1,585.30 + 9.30 = 1,594.60.
        // The saved-query account's blob endpoint as in prod (its key is a software key): 1,594.60 + 7.30 = 1,601.90.
        assertThat(dev.total()).isEqualByComparingTo("1601.90");
        // dev: Bastion Basic 0.19 x 730 = 138.70.
        assertThat(dev.byResource()).containsEntry("hub-bastion", new BigDecimal("138.70"));
        assertThat(prod.total()).isGreaterThan(dev.total());
        assertThat(CostReport.render(dev)).isEqualTo(CostReport.render(CostReport.estimate(TestPlans.realModel("dev"))));
    }

    @Test
    void thePullRequestSectionShowsTheMonthlyDelta() {
        var base = plan(resource("azure-native:network:PrivateEndpoint", "pe1", "{}"));
        var head = plan(resource("azure-native:network:PrivateEndpoint", "pe1", "{}"),
                resource("azure-native:network:PrivateEndpoint", "pe2", "{}"));
        var md = Reports.delta(base, head);
        // base 7.30 + 5.00 traffic = 12.30; head 2 x 7.30 + 5.00 = 19.60; delta +7.30 (pe2).
        assertThat(md).contains("**Monthly cost:** $12.30 → $19.60 (+$7.30 per month, list prices)")
                .contains("| `pe2` | $0.00 | $7.30 | +$7.30 |").doesNotContain("| `pe1` |");
        assertThat(Reports.delta(head, base)).contains("(−$7.30 per month");
    }
}
