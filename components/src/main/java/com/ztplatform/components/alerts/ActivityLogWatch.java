package com.ztplatform.components.alerts;

import java.util.List;

/**
 * Control-plane changes the platform alerts on through the activity log: writes and deletes of what decides where
 * traffic goes and which rules hold. Operation names are the resource providers' own
 * (https://learn.microsoft.com/azure/role-based-access-control/resource-provider-operations).
 *
 * <p>The alerts fire for every caller, deployments included: an activity log alert condition can only match a field
 * ({@code equals} or {@code containsAny}, never a negation), so a deployment identity cannot be left out
 * (https://learn.microsoft.com/rest/api/monitor/activity-log-alerts/create-or-update, AlertRuleLeafCondition).
 * A change outside a deployment window is the one to look at.
 */
public enum ActivityLogWatch {
    /** Route tables and their routes: a changed 0.0.0.0/0 route bypasses the firewall. */
    ROUTE_TABLES("route-tables", "Route table changed", List.of("Microsoft.Network/routeTables/write",
            "Microsoft.Network/routeTables/delete", "Microsoft.Network/routeTables/routes/write",
            "Microsoft.Network/routeTables/routes/delete")),
    /** Network security groups and their rules. */
    NETWORK_SECURITY_GROUPS("nsgs", "Network security group changed", List.of(
            "Microsoft.Network/networkSecurityGroups/write", "Microsoft.Network/networkSecurityGroups/delete",
            "Microsoft.Network/networkSecurityGroups/securityRules/write",
            "Microsoft.Network/networkSecurityGroups/securityRules/delete")),
    /** Firewall policies and their rule collection groups: the egress allowlist. */
    FIREWALL_POLICIES("fw-policies", "Firewall policy changed", List.of("Microsoft.Network/firewallPolicies/write",
            "Microsoft.Network/firewallPolicies/delete", "Microsoft.Network/firewallPolicies/ruleCollectionGroups/write",
            "Microsoft.Network/firewallPolicies/ruleCollectionGroups/delete")),
    /** Azure Policy assignments: removing one lifts a guardrail. */
    POLICY_ASSIGNMENTS("policy-assignments", "Policy assignment changed", List.of(
            "Microsoft.Authorization/policyAssignments/write", "Microsoft.Authorization/policyAssignments/delete"));

    private final String slug;
    private final String title;
    private final List<String> operations;

    ActivityLogWatch(String slug, String title, List<String> operations) {
        this.slug = slug;
        this.title = title;
        this.operations = List.copyOf(operations);
    }

    /**
     * The part of the alert's name, like {@code route-tables}.
     *
     * @return the slug
     */
    public String slug() {
        return slug;
    }

    /**
     * The alert's description.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The operations that fire the alert.
     *
     * @return the operation names
     */
    public List<String> operations() {
        return operations;
    }
}
