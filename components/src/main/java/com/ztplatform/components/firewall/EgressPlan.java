package com.ztplatform.components.firewall;

import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an {@link EgressFirewall} admits, as a value known before any resource exists: the source subnets of each
 * source IP group and the rule collections other components contribute. It is computed from configuration by plain
 * functions ({@code DatabricksSpoke.egressSources}, {@code ServerlessRouter.egressSources} and
 * {@code firewallContribution}, {@code OneLakeLanding.firewallContribution}) and handed to the firewall through
 * {@link EgressFirewallArgs#plan()}, so the firewall writes its IP groups and rule collection groups once, in
 * its constructor, and nothing can add to them afterwards.
 *
 * <p>A team that uses {@link EgressFirewall} on its own builds the plan with the same helpers:
 *
 * <pre>{@code
 * var plan = EgressPlan.builder()
 *         .sources(EgressPlan.databricks("analytics", List.of("10.11.0.0/26", "10.11.0.64/26")))
 *         .build();
 * var fw = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(naming)
 *         .plan(plan).build(), null);
 * }</pre>
 *
 * <p>Another stack cannot write into the platform's firewall policy (it does not own it): a consumer's subnets
 * routed through the platform firewall are denied everything (deny by default) until the platform stack's own
 * plan admits them, which is a reviewed change to the platform's configuration, not something a consumer does.
 *
 * @param sources       source subnets, each in one of the {@link SourceGroups}; their order does not matter
 * @param contributions rule collections other components add; their order does not matter
 *                      (see {@link EgressRules#generate})
 */
public record EgressPlan(List<Sources> sources, List<RuleContribution> contributions) {

    /** Source groups a plan may fill. */
    public static final Set<String> GROUPS = Set.of(SourceGroups.DATABRICKS, SourceGroups.SERVERLESS_ROUTER,
            SourceGroups.INTEGRATION, SourceGroups.ML_COMPUTE, SourceGroups.AKS);

    /** The widest source subnet a plan takes: an entry wider than this is almost certainly a mistake. */
    public static final int WIDEST_SOURCE_PREFIX = 16;

    /**
     * Copies both lists; neither may be null (use {@link #empty()} or {@link #builder()}).
     *
     * @param sources       source subnets, each in one of the {@link SourceGroups}
     * @param contributions rule collections other components add
     */
    public EgressPlan {
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        contributions = List.copyOf(Objects.requireNonNull(contributions, "contributions"));
    }

    /**
     * Subnets one owner puts into one source group.
     *
     * @param group a key of {@link SourceGroups}, like {@code databricks}
     * @param owner who the subnets belong to, like the spoke's name {@code analytics} (for messages and the plan)
     * @param cidrs the subnets, like [10.11.0.0/26, 10.11.0.64/26]
     */
    public record Sources(String group, String owner, List<String> cidrs) {
        /**
         * Copies {@code cidrs}, which must not be null; the entries are checked by {@link EgressPlan#problems}.
         *
         * @param group a key of {@link SourceGroups}
         * @param owner who the subnets belong to, like analytics
         * @param cidrs the subnets, like [10.11.0.0/26]
         */
        public Sources {
            cidrs = List.copyOf(Objects.requireNonNull(cidrs, "cidrs"));
        }
    }

    /**
     * A plan that admits nothing: every rule the firewall has matches no source.
     *
     * @return the empty plan, the default of {@link EgressFirewallArgs}
     */
    public static EgressPlan empty() {
        return new EgressPlan(List.of(), List.of());
    }

    /**
     * Subnets in the {@link SourceGroups#DATABRICKS} group, the source of the Databricks allowlist.
     *
     * @param owner the spoke's name, like analytics
     * @param cidrs the spoke's host and container subnets, like [10.11.0.0/26, 10.11.0.64/26]
     * @return the sources entry
     */
    public static Sources databricks(String owner, List<String> cidrs) {
        return new Sources(SourceGroups.DATABRICKS, owner, cidrs);
    }

    /**
     * A builder for a plan; sources and contributions accumulate in the order given (the order does not matter).
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every source group the firewall creates an IP group for: always {@code databricks}, plus every planned one.
     *
     * @return the group keys, sorted
     */
    public Set<String> sourceGroups() {
        var groups = new TreeSet<String>();
        groups.add(SourceGroups.DATABRICKS);
        sources.forEach(s -> groups.add(s.group()));
        return Collections.unmodifiableSet(groups);
    }

    /**
     * The addresses of each source group, sorted and without duplicates (what the IP groups hold).
     *
     * @return group key to its CIDRs; {@code databricks} is present even when empty
     */
    public SortedMap<String, List<String>> addressesByGroup() {
        var byGroup = new TreeMap<String, TreeSet<String>>();
        sourceGroups().forEach(g -> byGroup.put(g, new TreeSet<>()));
        sources.forEach(s -> byGroup.get(s.group()).addAll(s.cidrs()));
        var result = new TreeMap<String, List<String>>();
        byGroup.forEach((g, cidrs) -> result.put(g, List.copyOf(cidrs)));
        return Collections.unmodifiableSortedMap(result);
    }

    /**
     * True when the group holds every one of these subnets: how a spoke checks, before deployment, that the firewall
     * it routes through admits it.
     *
     * @param group a key of {@link SourceGroups}
     * @param cidrs the subnets, like [10.11.0.0/26]
     * @return whether every subnet is in the group
     */
    public boolean admits(String group, List<String> cidrs) {
        return addressesByGroup().getOrDefault(group, List.of()).containsAll(cidrs);
    }

    /**
     * Every problem, each under {@code path} (like {@code plan}), naming the entry and showing a valid example: owners,
     * groups, CIDRs (none wider than /{@value #WIDEST_SOURCE_PREFIX}) and the contributions.
     *
     * @param path prefix of every message, like plan
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < sources.size(); i++) {
            var s = sources.get(i);
            var at = path + ".sources[" + i + "]";
            if (s.owner() == null || s.owner().isBlank()) {
                problems.add(at + ".owner is required, like the spoke's name 'analytics'");
            }
            if (s.group() == null || !GROUPS.contains(s.group())) {
                problems.add(at + ".group must be one of " + String.join(", ", new TreeSet<>(GROUPS))
                        + ", like " + SourceGroups.DATABRICKS + ", got '" + s.group() + "'");
            }
            if (s.cidrs().isEmpty()) {
                problems.add(at + ".cidrs must list at least one subnet, like [10.11.0.0/26]");
            }
            for (var cidr : s.cidrs()) {
                var problem = cidr == null ? java.util.Optional.of("must be an IPv4 CIDR like 10.11.0.0/26, got 'null'")
                        : Cidr.problem(cidr);
                if (problem.isPresent()) {
                    problems.add(at + " (" + s.owner() + ") source subnet " + problem.get());
                } else if (Cidr.parse(cidr).prefixLength() < WIDEST_SOURCE_PREFIX) {
                    problems.add(at + " (" + s.owner() + ") source subnet " + cidr + " is wider than /"
                            + WIDEST_SOURCE_PREFIX + "; plan the Databricks subnets themselves, like 10.11.0.0/26");
                }
            }
        }
        EgressRules.contributionProblems(contributions, sourceGroups())
                .forEach(p -> problems.add(path + ".contributions: " + p));
        return problems;
    }

    /** Collects a plan from plain values; building it creates nothing. */
    public static final class Builder {
        private final List<Sources> sources = new ArrayList<>();
        private final List<RuleContribution> contributions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds one sources entry.
         *
         * @param value like {@code EgressPlan.databricks("analytics", List.of("10.11.0.0/26"))}; not null
         * @return this builder
         */
        public Builder sources(Sources value) {
            sources.add(Objects.requireNonNull(value, "sources"));
            return this;
        }

        /**
         * Adds several sources entries.
         *
         * @param values the entries, none null
         * @return this builder
         */
        public Builder sources(List<Sources> values) {
            values.forEach(this::sources);
            return this;
        }

        /**
         * Adds the rule collections of one contributing component.
         *
         * @param value the contribution; not null
         * @return this builder
         */
        public Builder contribution(RuleContribution value) {
            contributions.add(Objects.requireNonNull(value, "contribution"));
            return this;
        }

        /**
         * Adds several contributions.
         *
         * @param values the contributions, none null
         * @return this builder
         */
        public Builder contributions(List<RuleContribution> values) {
            values.forEach(this::contribution);
            return this;
        }

        /**
         * The plan; nothing is validated here ({@link EgressFirewallArgs#problems} checks it).
         *
         * @return the plan
         */
        public EgressPlan build() {
            return new EgressPlan(sources, contributions);
        }
    }
}
