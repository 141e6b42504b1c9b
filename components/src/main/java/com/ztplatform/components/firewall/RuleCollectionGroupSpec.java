package com.ztplatform.components.firewall;

import java.util.List;

/**
 * A firewall policy rule collection group: the unit Azure writes at once.
 *
 * @param name        the group's name in the firewall policy, like rcg-platform or rcg-contributions
 * @param priority    100-65000, unique within the policy (see {@link EgressRules} for the layout)
 * @param collections the group's rule collections, copied; each has a priority unique within the group
 */
public record RuleCollectionGroupSpec(String name, int priority, List<RuleCollection> collections) {
    /**
     * Copies {@code collections} so the group cannot change after it is planned.
     *
     * @param name        the group's name in the firewall policy
     * @param priority    100-65000, unique within the policy
     * @param collections the group's rule collections
     */
    public RuleCollectionGroupSpec {
        collections = List.copyOf(collections);
    }
}
