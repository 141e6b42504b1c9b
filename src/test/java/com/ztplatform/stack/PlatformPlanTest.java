package com.ztplatform.stack;

import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.stack.config.MapConfigSource;
import com.ztplatform.stack.config.StackConfig;
import com.ztplatform.stack.config.StackConfigLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan is computed from configuration alone: no Pulumi, no resources. */
class PlatformPlanTest {
    private static final String P = "zt-databricks";
    private static final String ROUTER = "{\"addressSpace\":\"10.110.0.0/27\",\"adminSshPublicKey\":\"ssh-ed25519 AAAA ops\","
            + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}],"
            + "\"onPremisesPrefixes\":[\"10.200.0.0/16\"]}";

    private static Map<String, String> config(String spokesJson) {
        var config = new HashMap<String, String>();
        config.put("azure-native:location", "westeurope");
        config.put(P + ":environment", "dev");
        config.put(P + ":namePrefix", "ztp");
        config.put(P + ":tags", "{\"environment\":\"dev\",\"owner\":\"team@contoso.com\",\"costCenter\":\"CC-1\","
                + "\"dataClassification\":\"internal\"}");
        config.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\",\"bastion\":{\"sku\":\"Basic\"}}");
        config.put(P + ":spokes", spokesJson);
        config.put(P + ":keyVault", "{\"azureDatabricksObjectId\":\"9b38785a-6e08-4087-a0c4-20634343f21f\"}");
        return config;
    }

    private static StackConfig load(Map<String, String> config) {
        return StackConfigLoader.load(P, new MapConfigSource(config));
    }

    @Test
    void workloadSpokesPutTheirHostAndContainerSubnetsAndNothingElseIntoTheDatabricksGroup() {
        var config = config("[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\"},"
                + "{\"name\":\"datasci\",\"addressSpace\":\"10.12.0.0/23\",\"hostSubnetPrefix\":25,\"containerSubnetPrefix\":25}]");
        config.put(P + ":webAuth", "{\"addressSpace\":\"10.19.0.0/24\"}");
        var plan = PlatformPlan.of(load(config));
        // Host then container from the start of each space, by SpokeLayout's order; the private-endpoint subnet and
        // the web-auth workspace (no clusters) get nothing.
        assertThat(plan.egress().addressesByGroup()).containsExactly(Map.entry(SourceGroups.DATABRICKS,
                List.of("10.11.0.0/26", "10.11.0.64/26", "10.12.0.0/25", "10.12.0.128/25")));
        assertThat(plan.egress().contributions()).isEmpty();
        assertThat(plan.egress().problems("plan")).isEmpty();
        assertThat(plan.spokePrefixes()).containsExactly("10.11.0.0/24", "10.12.0.0/23", "10.19.0.0/24");
    }

    @Test
    void theServerlessRouterGetsASourceGroupOfItsOwnAndOneRulePerForward() {
        var config = config("[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\"}]");
        config.put(P + ":serverless", "{\"accountId\":\"7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d\"}");
        config.put(P + ":serverlessRouter", ROUTER);
        var plan = PlatformPlan.of(load(config));
        assertThat(plan.egress().addressesByGroup()).containsEntry(SourceGroups.SERVERLESS_ROUTER, List.of("10.110.0.0/27"));
        assertThat(plan.egress().contributions()).singleElement().satisfies(c -> {
            assertThat(c.owner()).isEqualTo("serverless-router");
            var rule = c.collections().get(0).rules().get(0);
            assertThat(rule.sourceGroups()).containsExactly(SourceGroups.SERVERLESS_ROUTER);
            assertThat(rule).isInstanceOfSatisfying(com.ztplatform.components.firewall.FirewallRule.NetworkRule.class,
                    n -> assertThat(n.destinationAddresses()).containsExactly("10.200.10.5/32"));
        });
        assertThat(plan.egress().problems("plan")).isEmpty();
        assertThat(plan.spokePrefixes()).containsExactly("10.11.0.0/24", "10.110.0.0/27");
    }

    /** A set of spokes with distinct /22 address spaces and Databricks subnets of /24 to /26. */
    record SpokeSpec(String name, Cidr space, int prefix) {
        String json() {
            return "{\"name\":\"" + name + "\",\"addressSpace\":\"" + space + "\",\"hostSubnetPrefix\":" + prefix
                    + ",\"containerSubnetPrefix\":" + prefix + ",\"privateEndpointSubnetPrefix\":27}";
        }
    }

    @Provide
    Arbitrary<List<SpokeSpec>> spokes() {
        return Arbitraries.integers().between(0, 60).set().ofMinSize(1).ofMaxSize(6).flatMap(slots -> {
            var ordered = new ArrayList<>(slots);
            Collections.sort(ordered);
            return Arbitraries.integers().between(24, 26).list().ofSize(ordered.size()).map(prefixes -> {
                var specs = new ArrayList<SpokeSpec>();
                for (int i = 0; i < ordered.size(); i++) {
                    // Each slot is a /22 in 10.20.0.0/16: room for two /24 and the endpoint subnet.
                    var space = new Cidr(Cidr.parse("10.20.0.0/16").network() + ordered.get(i) * 1024L, 22);
                    specs.add(new SpokeSpec("s" + ordered.get(i), space, prefixes.get(i)));
                }
                return specs;
            });
        });
    }

    @Property(tries = 40)
    void theDatabricksGroupIsExactlyEverySpokesClusterSubnetsInWhateverOrderTheSpokesAreListed(
            @ForAll("spokes") List<SpokeSpec> spokes, @ForAll long seed) {
        var plan = PlatformPlan.of(load(config(json(spokes))));
        var shuffled = new ArrayList<>(spokes);
        Collections.shuffle(shuffled, new Random(seed));
        var again = PlatformPlan.of(load(config(json(shuffled))));
        assertThat(again.egress().addressesByGroup()).isEqualTo(plan.egress().addressesByGroup());

        var databricks = plan.egress().addressesByGroup().get(SourceGroups.DATABRICKS).stream().map(Cidr::parse).toList();
        assertThat(databricks).hasSize(2 * spokes.size());
        for (var spoke : spokes) {
            var inSpoke = databricks.stream().filter(c -> spoke.space().contains(c)).toList();
            assertThat(inSpoke).as(spoke.name()).hasSize(2)
                    .allSatisfy(c -> assertThat(c.prefixLength()).isEqualTo(spoke.prefix()));
        }
        for (int i = 0; i < databricks.size(); i++) {
            for (int j = i + 1; j < databricks.size(); j++) {
                assertThat(databricks.get(i).overlaps(databricks.get(j))).as(databricks.get(i) + " vs " + databricks.get(j))
                        .isFalse();
            }
        }
        assertThat(plan.egress().problems("plan")).isEmpty();
    }

    private static String json(List<SpokeSpec> spokes) {
        return "[" + String.join(",", spokes.stream().map(SpokeSpec::json).toList()) + "]";
    }
}
