package com.ztplatform.stack.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.identity.RoleAssignmentCondition;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code role-assignments.md}: every Azure role assignment of the plan, with its principal, role (name and GUID, from
 * {@link BuiltInRole}, the one table of roles), scope and why (the assignment's description), and whether a
 * condition limits it. Principals are named by the identity whose (mock) principal id the assignment names: a
 * user-assigned identity, or a resource's system-assigned identity; otherwise the object id as configured.
 */
public final class RoleAssignmentsView {
    /** The file's name beside plan.json. */
    public static final String FILE = "role-assignments.md";
    /** The role assignment type token. */
    public static final String TYPE = "azure-native:authorization:RoleAssignment";

    private RoleAssignmentsView() {
    }

    /**
     * One assignment, as the table shows it.
     *
     * @param logicalName the Pulumi logical name
     * @param principal   who gets the role
     * @param role        the role from the table, or empty when the table does not know the GUID
     * @param roleGuid    the role definition's GUID
     * @param scope       the scope, as a readable name
     * @param scopeId     the scope's ARM id as planned
     * @param why         the description
     * @param condition   the ABAC condition, or empty
     */
    public record Row(String logicalName, String principal, Optional<BuiltInRole> role, String roleGuid, String scope,
                      String scopeId, String why, Optional<String> condition) {
    }

    /**
     * The plan's role assignments, sorted by principal, role and scope.
     *
     * @param plan the plan
     * @return one row per assignment
     */
    public static List<Row> rows(Plan plan) {
        var principals = new HashMap<String, String>();
        var names = new HashMap<String, String>();
        for (var r : plan.resources()) {
            if (r.id() != null && !r.id().isEmpty()) {
                names.put(r.id(), label(r));
            }
            principalId(r.mockComputed()).ifPresent(id -> principals.putIfAbsent(id, label(r)));
        }
        // Object ids the stack file names (the AzureDatabricks app, the landing service principal, Fabric's identity).
        plan.config().forEach((key, value) -> configPrincipals(key, value, principals));
        var rows = new ArrayList<Row>();
        for (var a : plan.ofType(TYPE)) {
            var principalId = a.inputString("principalId").orElse("");
            var roleId = a.inputString("roleDefinitionId").orElse("");
            var guid = roleId.substring(roleId.lastIndexOf('/') + 1);
            var scopeId = a.inputString("scope").orElse("");
            rows.add(new Row(a.name(), principals.getOrDefault(principalId, "principal `" + principalId + "`"),
                    BuiltInRole.of(guid), guid, names.getOrDefault(scopeId, scopeName(scopeId)), scopeId,
                    a.inputString("description").orElse(""), a.inputString("condition")));
        }
        rows.sort(Comparator.comparing(Row::principal).thenComparing(Row::roleGuid).thenComparing(Row::scope)
                .thenComparing(Row::logicalName));
        return rows;
    }

    /**
     * The Markdown file.
     *
     * @param plan the plan
     * @return the report; the same plan gives the same text
     */
    public static String render(Plan plan) {
        var rows = rows(plan);
        var md = new StringBuilder("# Role assignments: ").append(plan.stack()).append("\n\n")
                .append(rows.size()).append(" Azure role assignments, every one to a service principal or managed ")
                .append("identity, none with a secret. Roles from the one role table (`BuiltInRole`); the deployment ")
                .append("identity may assign only the roles marked granted.\n\n")
                .append("| principal | role | scope | why | condition |\n|---|---|---|---|---|\n");
        for (var r : rows) {
            md.append("| ").append(cell(r.principal())).append(" | ")
                    .append(r.role().map(BuiltInRole::displayName).orElse("(unknown role)"))
                    .append(" (`").append(r.roleGuid()).append("`) | ").append(cell(r.scope())).append(" | ")
                    .append(cell(r.why())).append(" | ")
                    .append(r.condition().map(c -> "may assign only "
                            + RoleAssignmentCondition.allowedRoles(c, "Request").size() + " granted roles, to service "
                            + "principals").orElse("none"))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void configPrincipals(String key, JsonElement value, Map<String, String> principals) {
        if (value == null || value.isJsonNull()) {
            return;
        }
        if (value.isJsonObject()) {
            value.getAsJsonObject().entrySet().forEach(e -> configPrincipals(key + "." + e.getKey(), e.getValue(), principals));
        } else if (value.isJsonPrimitive() && key.endsWith("ObjectId")) {
            var name = key.substring(key.indexOf(':') + 1);
            principals.putIfAbsent(value.getAsString(), "service principal `" + name + "`");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Optional<String> principalId(JsonObject computed) {
        if (computed == null) {
            return Optional.empty();
        }
        if (computed.has("principalId") && computed.get("principalId").isJsonPrimitive()) {
            return Optional.of(computed.get("principalId").getAsString());
        }
        JsonElement identity = computed.get("identity");
        if (identity != null && identity.isJsonObject() && identity.getAsJsonObject().has("principalId")
                && identity.getAsJsonObject().get("principalId").isJsonPrimitive()) {
            return Optional.of(identity.getAsJsonObject().get("principalId").getAsString());
        }
        return Optional.empty();
    }

    private static String label(Plan.PlanResource r) {
        var type = r.type().substring(r.type().lastIndexOf(':') + 1);
        var id = r.id() == null ? "" : r.id();
        var name = id.isEmpty() ? r.name() : id.substring(id.lastIndexOf('/') + 1);
        return type + " `" + name + "`";
    }

    private static String scopeName(String scopeId) {
        var parts = scopeId.split("/");
        if (parts.length == 3 && parts[1].equalsIgnoreCase("subscriptions")) {
            return "subscription `" + parts[2] + "`";
        }
        if (parts.length == 5 && parts[3].equalsIgnoreCase("resourceGroups")) {
            return "resource group `" + parts[4] + "`";
        }
        return "`" + scopeId + "`";
    }
}
