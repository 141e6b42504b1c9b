package com.ztplatform.components.firewall;

import java.util.List;

/**
 * Rule collections another component adds to the egress allowlist (for example the OneLake landing zone). They
 * land in the {@code rcg-contributions} group named {@code <owner>-<collection name>}; their priorities are
 * reassigned by {@link EgressRules#generate}, so the order contributions are made in does not matter.
 * Validate with {@link EgressRules#contributionProblems}.
 *
 * @param owner       the contributing component, lower-case like onelake-landing
 * @param collections allow collections, each of one rule kind; the priority given here is ignored
 */
public record RuleContribution(String owner, List<RuleCollection> collections) {
    /**
     * Copies {@code collections}; {@code null} means no collections.
     *
     * @param owner       the contributing component, like onelake-landing
     * @param collections allow collections, each of one rule kind
     */
    public RuleContribution {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
