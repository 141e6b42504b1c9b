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
        // prod's VPN gateway is VpnGw2AZ, which the reference data does not price: listed, not zero.
        assertThat(prod.unpriced()).anySatisfy(u -> assertThat(u.resource()).isEqualTo("hub-vpngw"));
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
