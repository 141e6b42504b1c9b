package com.ztplatform.components.firewall;

import java.util.List;

/**
 * A firewall policy rule collection group: the unit Azure writes at once.
 *
 * @param priority 100-65000, unique within the policy (see {@link EgressRules} for the layout)
 */
public record RuleCollectionGroupSpec(String name, int priority, List<RuleCollection> collections) {
    public RuleCollectionGroupSpec {
        collections = List.copyOf(collections);
    }
}
