package com.ztplatform.components.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ABAC condition (version 2.0) that lets a Role Based Access Control Administrator create and delete only
 * assignments of the named roles, to service principals only. The form is Microsoft's "Constrain roles" and
 * "Constrain roles and principal types" examples
 * (learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples): one expression for
 * {@code roleAssignments/write}, which reads the role from the request ({@code @Request[...]}), and one for
 * {@code roleAssignments/delete}, which reads it from the existing assignment ({@code @Resource[...]}); the two
 * cannot share an expression because their attribute sources differ. The attributes are those of
 * learn.microsoft.com/azure/role-based-access-control/conditions-authorization-actions-attributes (role definition id
 * and principal type: request attributes of write, resource attributes of delete).
 */
public final class RoleAssignmentCondition {
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern GUID_SET = Pattern.compile(
            "RoleDefinitionId\\] ForAnyOfAnyValues:GuidEquals \\{([^}]*)\\}");

    private RoleAssignmentCondition() {
    }

    /**
     * The condition allowing assignments of exactly these roles.
     *
     * @param roleGuids the role definition GUIDs (at least one), like {@code 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1}
     * @return the condition text, roles sorted so the same set gives the same text
     * @throws IllegalArgumentException for an empty set or a value that is not a lower-case GUID
     */
    public static String constrainRoles(Collection<String> roleGuids) {
        if (roleGuids == null || roleGuids.isEmpty()) {
            throw new IllegalArgumentException("roleGuids must name at least one role, like [2a2b9908-6ea1-4ae2-8e65-a410df84e7d1]");
        }
        var sorted = new TreeSet<String>();
        for (var g : roleGuids) {
            if (g == null || !GUID.matcher(g).matches()) {
                throw new IllegalArgumentException("roleGuids must hold lower-case GUIDs, like "
                        + "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1, got '" + g + "'");
            }
            sorted.add(g);
        }
        var set = String.join(", ", sorted);
        return "("
                + "(!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))"
                + " OR "
                + "(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
                + set + "}"
                + " AND @Request[Microsoft.Authorization/roleAssignments:PrincipalType] "
                + "ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'})"
                + ")"
                + " AND "
                + "("
                + "(!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}))"
                + " OR "
                + "(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
                + set + "}"
                + " AND @Resource[Microsoft.Authorization/roleAssignments:PrincipalType] "
                + "ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'})"
                + ")";
    }

    /**
     * The roles a condition made by {@link #constrainRoles} allows, read back from its text.
     *
     * @param condition the condition
     * @param source    {@code Request} (what write allows) or {@code Resource} (what delete allows)
     * @return the GUIDs, lower case; empty when the condition has no such set
     */
    public static Set<String> allowedRoles(String condition, String source) {
        var result = new TreeSet<String>();
        var m = GUID_SET.matcher(condition);
        var prefix = "@" + source + "[Microsoft.Authorization/roleAssignments:";
        while (m.find()) {
            var start = condition.lastIndexOf('@', m.start());
            if (start >= 0 && condition.startsWith(prefix, start)) {
                for (var g : m.group(1).split(",")) {
                    result.add(g.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }
}
