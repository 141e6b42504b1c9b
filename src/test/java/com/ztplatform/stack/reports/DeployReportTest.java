package com.ztplatform.stack.reports;

import com.ztplatform.stack.reports.DeployReport.Ordering;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.ztplatform.stack.reports.TestPlans.dependsOn;
import static com.ztplatform.stack.reports.TestPlans.plan;
import static com.ztplatform.stack.reports.TestPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

class DeployReportTest {
    private static final Map<String, Integer> MINUTES = Map.of("rg", 1, "subnet", 1, "slow", 10, "mid", 3);

    private static BigDecimal m(int minutes) {
        return BigDecimal.valueOf(minutes);
    }

    @Test
    void theChainIsTheLongestWaitAndADependsOnOnItIsJudged() {
        var rg = resource("rg", "rg", "{}");
        var s1 = resource("subnet", "s1", "{\"virtualNetworkName\": \"v\"}");
        var s2 = resource("subnet", "s2", "{\"virtualNetworkName\": \"v\"}");
        var slow = resource("slow", "gw", "{}");
        var mid = resource("mid", "other", "{}");
        dependsOn(s1, rg, true);
        dependsOn(s2, rg, true);
        dependsOn(s2, s1, false); // serialised on purpose
        dependsOn(slow, s2, true);
        dependsOn(mid, rg, true);
        var plan = PlanModel.parse(plan(rg, s1, s2, slow, mid));
        var same = new Ordering("subnet", "subnet", List.of("virtualNetworkName"), true, "same VNet", "https://example");
        var p = DeployReport.criticalPath(plan, type -> m(MINUTES.get(type)), List.of(same));
        // rg 1 -> s1 2 -> s2 3 -> gw 13; "other" ends at 4.
        assertThat(p.chain()).extracting(s -> s.resource().name()).containsExactly("rg", "s1", "s2", "gw");
        assertThat(p.total()).isEqualByComparingTo("13");
        assertThat(p.slowest().name()).isEqualTo("gw");
        assertThat(p.chain().get(2).edgeIn()).isEqualTo("dependsOn");
        assertThat(p.serialisations()).singleElement().satisfies(s -> {
            assertThat(s.waiter().name()).isEqualTo("s2");
            // Without s2 -> s1: rg 1 -> s2 2 -> gw 12.
            assertThat(s.chainWithout()).isEqualByComparingTo("12");
            assertThat(s.known()).contains(same);
        });
        // The ordering is about subnets of one VNet: in another VNet it does not apply.
        var other = PlanModel.parse(plan(resource("subnet", "a", "{\"virtualNetworkName\": \"v\"}"),
                resource("subnet", "b", "{\"virtualNetworkName\": \"w\"}")));
        assertThat(same.covers(other.resources().get(1), other.resources().get(0))).isFalse();
        assertThat(p.slow()).singleElement().satisfies(s -> assertThat(s.startsAt()).isEqualByComparingTo("3"));
    }

    @Test
    void aChildWaitsForItsParentAndComponentsTakeNoTime() {
        var rg = resource("rg", "rg", "{}");
        var component = resource("pkg:mod:Component", "comp", "{}");
        component.addProperty("custom", false);
        var child = resource("slow", "child", "{}");
        dependsOn(component, rg, false);
        child.addProperty("parent", TestPlans.urn(component));
        var p = DeployReport.criticalPath(PlanModel.parse(plan(rg, component, child)), type -> m(MINUTES.getOrDefault(type, 7)),
                List.of());
        // rg 1, component 0 (not custom), child 10 after it: 11.
        assertThat(p.total()).isEqualByComparingTo("11");
        assertThat(p.chain()).extracting(s -> s.edgeIn()).containsExactly("", "dependsOn", "parent");
    }

    @Test
    void onTheRealPlansTheFirewallWaitsOnlyForOrderingsAzureNeeds() {
        for (var stack : List.of("dev", "prod")) {
            var plan = TestPlans.realModel(stack);
            var p = DeployReport.criticalPath(plan);
            assertThat(p.total()).isGreaterThanOrEqualTo(p.slowestMinutes());
            // Each step really waits for the one before it (a dependency or its parent).
            for (int i = 1; i < p.chain().size(); i++) {
                var r = p.chain().get(i).resource();
                var before = p.chain().get(i - 1).resource().urn();
                assertThat(r.dependencies().contains(before) || r.parent().equals(before)).as(r.name()).isTrue();
            }
            var firewall = p.slow().stream().filter(s -> s.step().resource().name().equals("fw-fw")).findFirst().orElseThrow();
            // The firewall's dependsOn waits: the rule collection groups, each written after the previous one of the
            // same policy, and the firewall after them; both orders are needed (create-times.json, with sources).
            assertThat(firewall.waits()).allSatisfy(w -> {
                assertThat(w.known()).as(w.waiter().name() + " -> " + w.waitedFor().name()).isPresent();
                assertThat(w.known().get().needed()).isTrue();
            });
            // No dependsOn anywhere on the critical path lacks an Azure reason.
            assertThat(p.serialisations()).allSatisfy(w -> assertThat(w.known()).as(w.waiter().name()).isPresent());
        }
        // dev: the four groups are written in a row (control plane, Entra ID, contributions, package repositories) and
        // the firewall waits for the last: that chain is the firewall's longest (7 min with the data's times).
        var dev = DeployReport.criticalPath(TestPlans.realModel("dev"));
        var devFirewall = dev.slow().stream().filter(s -> s.step().resource().name().equals("fw-fw")).findFirst().orElseThrow();
        assertThat(devFirewall.waits()).extracting(w -> w.waiter().name()).containsExactly("fw-rcg-entra-id",
                "fw-rcg-contributions", "fw-rcg-package-repositories", "fw-fw");
        // prod has the P2S VPN gateway (45 min documented): it is the slowest resource and on the chain.
        var prod = DeployReport.criticalPath(TestPlans.realModel("prod"));
        assertThat(prod.slowest().name()).isEqualTo("hub-vpngw");
        assertThat(prod.chain()).anySatisfy(s -> assertThat(s.resource().name()).isEqualTo("hub-vpngw"));
        assertThat(DeployReport.render(TestPlans.realModel("prod"))).contains("```mermaid\nflowchart LR\n");
    }
}
