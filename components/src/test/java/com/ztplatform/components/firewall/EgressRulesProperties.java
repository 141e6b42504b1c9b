package com.ztplatform.components.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.ztplatform.components.firewall.EgressCatalogue.Field;
import com.ztplatform.components.firewall.EgressCatalogue.RegionEntry;
import com.ztplatform.components.firewall.EgressCatalogue.Status;
import com.ztplatform.components.firewall.EgressRules.Generated;
import com.ztplatform.components.firewall.FirewallRule.ApplicationRule;
import com.ztplatform.components.firewall.FirewallRule.NetworkRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class EgressRulesProperties {

    static final EgressCatalogue CATALOGUE = EgressCatalogue.load();

    // ---- contributions: the order they are made in never changes the result ----

    @Provide
    static Arbitrary<List<RuleContribution>> contributions() {
        Arbitrary<String> owner = Arbitraries.strings().withChars("abcxyz-").ofMinLength(0).ofMaxLength(5).map(s -> "o" + s);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz-_.").ofMinLength(1).ofMaxLength(6);
        Arbitrary<FirewallRule> rule = Arbitraries.oneOf(
                Arbitraries.of("pypi.org", "files.pythonhosted.org", "*.onelake.dfs.fabric.microsoft.com", "a.example.org")
                        .list().ofMinSize(1).ofMaxSize(3)
                        .map(f -> new ApplicationRule("app", List.of(SourceGroups.DATABRICKS), f, List.of("Https:443"), "why")),
                Arbitraries.of("20.73.215.48/28", "52.232.19.246/32").list().ofMinSize(1).ofMaxSize(2)
                        .map(a -> new NetworkRule("net", List.of(SourceGroups.DATABRICKS), a, List.of(), List.of(),
                                List.of("443"), List.of("TCP"), "why")));
        Arbitrary<RuleCollection> collection = Combinators.combine(name, Arbitraries.integers().between(100, 65000), rule)
                .as((n, p, r) -> new RuleCollection(n, p, List.of(r)));
        return Combinators.combine(owner, collection.list().ofMinSize(1).ofMaxSize(3))
                .as(RuleContribution::new)
                .list().ofMaxSize(6)
                .filter(cs -> EgressRules.contributionProblems(cs, Set.of(SourceGroups.DATABRICKS)).isEmpty());
    }

    @Property(tries = 200)
    void anyPermutationOfContributionsYieldsIdenticalGroups(@ForAll("contributions") List<RuleContribution> cs,
                                                            @ForAll java.util.Random random) {
        List<RuleContribution> shuffled = new ArrayList<>(cs);
        java.util.Collections.shuffle(shuffled, random);
        EgressRuleOptions o = EgressRuleOptions.defaults("westeurope");
        Generated a = EgressRules.generate(CATALOGUE, o, cs);
        Generated b = EgressRules.generate(CATALOGUE, o, shuffled);
        assertThat(b).isEqualTo(a);
        if (!cs.isEmpty()) {
            RuleCollectionGroupSpec group = a.groups().get(2);
            assertThat(group.name()).isEqualTo(EgressRules.CONTRIBUTIONS_GROUP);
            List<String> names = group.collections().stream().map(RuleCollection::name).toList();
            assertThat(names).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < group.collections().size(); i++) {
                assertThat(group.collections().get(i).priority()).isEqualTo(310 + 10 * i);
            }
        }
    }

    // ---- any region and any options: once the problems are answered, the rules are valid ----

    @Provide
    static Arbitrary<EgressRuleOptions> options() {
        return Combinators.combine(
                        Arbitraries.of(CATALOGUE.regions()),
                        Arbitraries.of(ControlPlaneMode.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(PackageRepository.class).set(),
                        Arbitraries.of(true, false))
                .as((region, mode, legacy, privateLink, repos, dnsProxy) ->
                        // The DNS proxy interplay has its own examples; here it is always satisfiable.
                        new EgressRuleOptions(region, mode, legacy, privateLink, Map.of(), repos,
                                dnsProxy || (legacy && mode == ControlPlaneMode.FQDN)));
    }

    /** What an operator does after confirming: the candidate, else the flagged values, else "none in this region". */
    static EgressRuleOptions answered(EgressRuleOptions o) {
        RegionEntry region = CATALOGUE.region(o.region()).orElseThrow();
        Map<String, List<String>> overrides = new TreeMap<>();
        for (String field : EgressRules.fieldsUsed(o)) {
            Field f = region.field(field);
            if (f.status() != Status.VERIFIED) {
                overrides.put(field, f.candidate() != null ? List.of(f.candidate()) : f.values());
            }
        }
        return o.withRegionOverrides(overrides);
    }

    @Property(tries = 300)
    void everyGeneratedRuleIsValidSortedAndFromDatabricks(@ForAll("options") EgressRuleOptions raw) {
        EgressRuleOptions o = answered(raw);
        assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
        Generated g = EgressRules.generate(CATALOGUE, o, List.of());

        assertThat(g.groups()).extracting(RuleCollectionGroupSpec::priority).isSorted().doesNotHaveDuplicates();
        Set<String> collectionNames = new HashSet<>();
        for (RuleCollectionGroupSpec group : g.groups()) {
            assertThat(group.collections()).isNotEmpty();
            assertThat(group.collections()).extracting(RuleCollection::priority).isSorted().doesNotHaveDuplicates()
                    .allMatch(p -> p > group.priority() && p < group.priority() + 100);
            for (RuleCollection c : group.collections()) {
                assertThat(collectionNames.add(c.name())).as(c.name()).isTrue();
                assertThat(c.rules()).isNotEmpty();
                assertThat(c.rules()).allMatch(r -> (r instanceof ApplicationRule) == c.isApplication());
                assertThat(c.rules()).extracting(FirewallRule::name).doesNotHaveDuplicates();
                for (FirewallRule r : c.rules()) {
                    assertThat(Destinations.problems(c.name() + "." + r.name(), r)).isEmpty();
                    assertThat(r.sourceGroups()).containsExactly(SourceGroups.DATABRICKS);
                    for (List<String> destinations : destinations(r)) {
                        assertThat(destinations).isEqualTo(List.copyOf(new TreeSet<>(destinations)));
                    }
                }
            }
        }
        boolean tags = o.mode() == ControlPlaneMode.SERVICE_TAGS;
        assertThat(g.warnings().stream().anyMatch(w -> w.contains("opens TCP 443 to every storage account")))
                .isEqualTo(tags);
        assertThat(allRuleNames(g).contains("scc-relay") || allRuleNames(g).contains("azure-databricks"))
                .isEqualTo(!o.controlPlaneViaPrivateLink());
        assertThat(allRuleNames(g).contains("legacy-metastore")).isEqualTo(o.legacyHiveMetastore());
        assertThat(g.groups().stream().anyMatch(x -> x.name().equals(EgressRules.PACKAGE_GROUP)))
                .isEqualTo(!o.packageRepositories().isEmpty());
    }

    @Property(tries = 100)
    void unansweredFlaggedFieldsAreAlwaysProblems(@ForAll("options") EgressRuleOptions o) {
        RegionEntry region = CATALOGUE.region(o.region()).orElseThrow();
        List<String> expected = EgressRules.fieldsUsed(o).stream()
                .filter(f -> region.field(f).status() != Status.VERIFIED)
                .map(f -> "firewall.regionOverrides." + f + " is needed for region '" + o.region() + "'")
                .toList();
        List<String> problems = EgressRules.problems(CATALOGUE, o);
        assertThat(problems).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(problems.get(i)).startsWith(expected.get(i)).contains(EgressCatalogue.CONFIRM_AT, "2026-11-23");
        }
    }

    @Property(tries = 200)
    void urlsAreNeverAcceptedAsHostNames(@ForAll("hosts") String host, @ForAll boolean wildcard,
                                         @ForAll @Size(max = 3) List<@net.jqwik.api.constraints.AlphaChars String> path) {
        String url = "https://" + host + "/" + String.join("/", path);
        assertThat(Destinations.fqdnProblem("p", host, wildcard)).isEmpty();
        assertThat(Destinations.fqdnProblem("p", url, wildcard))
                .contains("p '" + url + "' is a URL; give the host name only, like " + host);
    }

    @Provide
    static Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1)
                .ofMaxLength(12);
        return label.list().ofMinSize(2).ofMaxSize(5).map(l -> String.join(".", l));
    }

    private static List<List<String>> destinations(FirewallRule r) {
        if (r instanceof ApplicationRule app) {
            return List.of(app.targetFqdns());
        }
        NetworkRule net = (NetworkRule) r;
        return List.of(net.destinationAddresses(), net.destinationServiceTags(), net.destinationFqdns());
    }

    private static Set<String> allRuleNames(Generated g) {
        Set<String> names = new HashSet<>();
        g.groups().forEach(x -> x.collections().forEach(c -> c.rules().forEach(r -> names.add(r.name()))));
        return names;
    }
}
