package com.ztplatform.components.firewall;

import java.util.List;

/**
 * An Allow rule collection of one kind (all application rules or all network rules). The firewall policy
 * denies everything no collection allows.
 *
 * @param name     the collection's name in its group, like databricks-control-plane
 * @param priority 100-65000, unique within its group; lower is evaluated first
 * @param rules    the rules, all {@link FirewallRule.ApplicationRule} or all {@link FirewallRule.NetworkRule}; copied
 */
public record RuleCollection(String name, int priority, List<FirewallRule> rules) {
    /**
     * Copies {@code rules} so the collection cannot change after it is planned.
     *
     * @param name     the collection's name in its group
     * @param priority 100-65000, unique within its group
     * @param rules    the rules, all of one kind
     */
    public RuleCollection {
        rules = List.copyOf(rules);
    }

    /**
     * Whether this is an application rule collection (written as {@code FirewallPolicyFilterRuleCollection} of
     * application rules); false for network rules and for an empty collection.
     *
     * @return true when the first rule is an {@link FirewallRule.ApplicationRule}
     */
    public boolean isApplication() {
        return !rules.isEmpty() && rules.get(0) instanceof FirewallRule.ApplicationRule;
    }
}
