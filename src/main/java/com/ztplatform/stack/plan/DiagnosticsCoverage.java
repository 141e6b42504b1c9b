package com.ztplatform.stack.plan;

import com.google.gson.JsonElement;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.monitoring.LogAnalytics;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which planned resources of a diagnosable type have no diagnostic setting sending their logs to the platform's Log
 * Analytics workspace. Generic by ARM type (taken from each resource's ARM id), against the reference data of
 * {@link Diagnostics}: a resource type the reference data does not classify is a finding too, so a component that
 * adds a new type must say whether it has resource logs.
 */
public final class DiagnosticsCoverage {
    private static final String AZURE_NATIVE = "azure-native:";
    private static final String WORKSPACE = "azure-native:operationalinsights:Workspace";
    private static final String SETTING = "azure-native:insights:DiagnosticSetting";

    private DiagnosticsCoverage() {
    }

    /**
     * The findings of one plan, each naming the resource (logical name and ARM id) and what is missing.
     *
     * @param plan the plan
     * @return the findings, sorted; empty when every diagnosable resource sends its logs to the platform workspace
     */
    public static List<String> findings(Plan plan) {
        var findings = new TreeSet<String>();
        var workspaces = plan.ofType(WORKSPACE).stream()
                .filter(w -> plan.byUrn(w.parent()).map(p -> p.type().equals(LogAnalytics.TYPE)).orElse(false))
                .map(w -> w.id().toLowerCase(Locale.ROOT)).toList();
        if (workspaces.size() != 1) {
            return List.of("expected one platform Log Analytics workspace (under " + LogAnalytics.TYPE + "), found "
                    + workspaces.size());
        }
        var covered = covered(plan, workspaces.get(0));
        for (var r : plan.resources()) {
            if (!r.custom() || !r.type().startsWith(AZURE_NATIVE) || r.id() == null || r.id().isEmpty()) {
                continue;
            }
            var type = armType(r.id()).toLowerCase(Locale.ROOT);
            var id = r.id().toLowerCase(Locale.ROOT);
            if (Diagnostics.diagnosable().containsKey(type)) {
                if (!covered.contains(id)) {
                    findings.add(r.name() + " (" + r.id() + "): " + armType(r.id()) + " has resource logs but no "
                            + "diagnostic setting sends them to the platform workspace");
                }
            } else if (Diagnostics.logsOn().containsKey(type)) {
                for (var sub : Diagnostics.logsOn().get(type)) {
                    if (!covered.contains(id + "/" + sub.toLowerCase(Locale.ROOT))) {
                        findings.add(r.name() + " (" + r.id() + "): its " + sub + " has resource logs but no "
                                + "diagnostic setting sends them to the platform workspace");
                    }
                }
            } else if (!Diagnostics.excluded().containsKey(type) && !Diagnostics.withoutResourceLogs().containsKey(type)) {
                findings.add(r.name() + " (" + r.id() + "): ARM type " + armType(r.id()) + " is not classified in "
                        + "diagnostic-log-categories.json (diagnosable, logsOn, excluded or withoutResourceLogs)");
            }
        }
        return List.copyOf(findings);
    }

    /** Resource ids (lower-cased) with a setting that sends at least one enabled log entry to the workspace. */
    private static Set<String> covered(Plan plan, String workspaceId) {
        var ids = new TreeSet<String>();
        for (var s : plan.ofType(SETTING)) {
            var toWorkspace = s.inputString("workspaceId").map(w -> w.equalsIgnoreCase(workspaceId)).orElse(false);
            var logs = s.input("logs").filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
            var sendsLogs = logs.map(a -> {
                for (var e : a) {
                    var o = e.getAsJsonObject();
                    if (o.has("enabled") && o.get("enabled").getAsBoolean()
                            && (o.has("category") || o.has("categoryGroup"))) {
                        return true;
                    }
                }
                return false;
            }).orElse(false);
            if (toWorkspace && sendsLogs) {
                s.inputString("resourceUri").ifPresent(uri -> ids.add(uri.toLowerCase(Locale.ROOT)));
            }
        }
        return ids;
    }

    /**
     * The ARM type of an id: the namespace and type segments after its last {@code /providers/}, like
     * {@code Microsoft.Storage/storageAccounts/blobServices} for a blob service; resource groups have none.
     *
     * @param id the ARM id
     * @return the type
     */
    public static String armType(String id) {
        var at = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (at < 0) {
            return id.toLowerCase(Locale.ROOT).contains("/resourcegroups/") ? "Microsoft.Resources/resourceGroups"
                    : "Microsoft.Resources/subscriptions";
        }
        var parts = id.substring(at + "/providers/".length()).split("/");
        var type = new ArrayList<String>();
        type.add(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            type.add(parts[i]);
        }
        return String.join("/", type);
    }
}
