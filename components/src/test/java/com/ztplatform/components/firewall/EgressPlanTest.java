package com.ztplatform.components.firewall;

import com.ztplatform.components.addressing.Cidr;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class EgressPlanTest {

    @Test
    void theDatabricksGroupAlwaysExistsAndAddressesAreSortedWithoutDuplicates() {
        assertThat(EgressPlan.empty().addressesByGroup()).containsExactly(
                java.util.Map.entry(SourceGroups.DATABRICKS, List.of()));
        var plan = EgressPlan.builder()
                .sources(EgressPlan.databricks("datasci", List.of("10.12.0.0/26", "10.12.0.64/26")))
                .sources(EgressPlan.databricks("analytics", List.of("10.11.0.64/26", "10.11.0.0/26", "10.11.0.0/26")))
                .build();
        assertThat(plan.addressesByGroup().get(SourceGroups.DATABRICKS))
                .containsExactly("10.11.0.0/26", "10.11.0.64/26", "10.12.0.0/26", "10.12.0.64/26");
        assertThat(plan.admits(SourceGroups.DATABRICKS, List.of("10.11.0.0/26", "10.12.0.64/26"))).isTrue();
        assertThat(plan.admits(SourceGroups.DATABRICKS, List.of("10.13.0.0/26"))).isFalse();
        assertThat(plan.admits(SourceGroups.SERVERLESS_ROUTER, List.of("10.11.0.0/26"))).isFalse();
    }

    @Test
    void everyProblemNamesTheEntryAndShowsAValidExample() {
        var plan = EgressPlan.builder()
                .sources(EgressPlan.databricks("analytics", List.of("10.11.0.0/26", "10.11.0.0")))
                .sources(new EgressPlan.Sources("vms", "", List.of()))
                .sources(EgressPlan.databricks("wide", List.of("10.0.0.0/8")))
                .build();
        assertThat(plan.problems("plan")).containsExactly(
                "plan.sources[0] (analytics) source subnet must be an IPv4 CIDR like 10.0.0.0/22, got '10.11.0.0'",
                "plan.sources[1].owner is required, like the spoke's name 'analytics'",
                "plan.sources[1].group must be one of aks, databricks, integration, ml-compute, serverless-router, like databricks, got 'vms'",
                "plan.sources[1].cidrs must list at least one subnet, like [10.11.0.0/26]",
                "plan.sources[2] (wide) source subnet 10.0.0.0/8 is wider than /16; plan the Databricks subnets "
                        + "themselves, like 10.11.0.0/26");
    }

    @Test
    void aContributedRuleMustUseAGroupThePlanFills() {
        var rule = new RuleContribution("router", List.of(new RuleCollection("forwards", 100, List.of(
                new FirewallRule.NetworkRule("to-sql", List.of(SourceGroups.SERVERLESS_ROUTER), List.of("10.200.10.5/32"),
                        List.of(), List.of(), List.of("1433"), List.of("TCP"), "SQL")))));
        assertThat(EgressPlan.builder().contribution(rule).build().problems("plan"))
                .anySatisfy(p -> assertThat(p).startsWith("plan.contributions: ").contains("serverless-router"));
        assertThat(EgressPlan.builder().contribution(rule)
                .sources(new EgressPlan.Sources(SourceGroups.SERVERLESS_ROUTER, "router", List.of("10.110.0.0/27")))
                .build().problems("plan")).isEmpty();
    }

    @Provide
    Arbitrary<List<EgressPlan.Sources>> sources() {
        Arbitrary<String> cidr = Arbitraries.integers().between(0, 4095).flatMap(block -> Arbitraries.integers()
                .between(16, 28).map(prefix -> {
                    var mask = (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
                    var c = new Cidr((Cidr.parse("10.0.0.0/8").network() + block * 4096L) & mask, prefix);
                    return c.toString();
                }));
        Arbitrary<EgressPlan.Sources> one = Arbitraries.of(SourceGroups.DATABRICKS, SourceGroups.SERVERLESS_ROUTER)
                .flatMap(group -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8)
                        .flatMap(owner -> cidr.list().ofMinSize(1).ofMaxSize(4)
                                .map(cidrs -> new EgressPlan.Sources(group, owner, cidrs))));
        return one.list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void theIpGroupsHoldExactlyThePlannedSubnetsWhateverTheOrder(@ForAll("sources") List<EgressPlan.Sources> sources,
                                                                 @ForAll long seed) {
        var plan = new EgressPlan(sources, List.of());
        var shuffled = new ArrayList<>(sources);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(new EgressPlan(shuffled, List.of()).addressesByGroup()).isEqualTo(plan.addressesByGroup());
        assertThat(plan.problems("plan")).isEmpty();

        assertThat(plan.addressesByGroup()).containsKey(SourceGroups.DATABRICKS);
        for (var group : plan.addressesByGroup().keySet()) {
            var expected = new TreeSet<String>();
            sources.stream().filter(s -> s.group().equals(group)).forEach(s -> expected.addAll(s.cidrs()));
            assertThat(plan.addressesByGroup().get(group)).containsExactlyElementsOf(expected);
        }
        for (var s : sources) {
            assertThat(plan.admits(s.group(), s.cidrs())).isTrue();
        }
    }
}
