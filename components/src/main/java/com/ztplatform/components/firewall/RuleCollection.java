package com.ztplatform.components.firewall;

import java.util.List;

/**
 * An Allow rule collection of one kind (all application rules or all network rules). The firewall policy
 * denies everything no collection allows.
 *
 * @param priority 100-65000, unique within its group; lower is evaluated first
 */
public record RuleCollection(String name, int priority, List<FirewallRule> rules) {
    public RuleCollection {
        rules = List.copyOf(rules);
    }

    public boolean isApplication() {
        return !rules.isEmpty() && rules.get(0) instanceof FirewallRule.ApplicationRule;
    }
}
