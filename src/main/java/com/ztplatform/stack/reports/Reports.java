package com.ztplatform.stack.reports;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reports next to {@code plan.json} (compliance.md, cost.md, deploy.md, azure-policy.md), and how the first three change between a
 * base plan and a new one (a section of the pull-request comment). Pure functions of the plan JSON and the
 * reference data shipped beside this class.
 */
public final class Reports {
    /** The compliance report's file name. */
    public static final String COMPLIANCE = "compliance.md";
    /** The cost estimate's file name. */
    public static final String COST = "cost.md";
    /** The deployment-order report's file name. */
    public static final String DEPLOY = "deploy.md";
    /**
     * Hidden markers around the reports' change in diff.md, so that the live preview comment
     * (.github/scripts/preview-comment.js) can take the section as it is, and tell from the first marker alone
     * whether anything changed, without comparing the reports again.
     */
    public static final String DELTA_CHANGED = "<!-- zt-reports-delta:changed -->";
    /** Starts a section whose reports did not change. */
    public static final String DELTA_UNCHANGED = "<!-- zt-reports-delta:unchanged -->";
    /** Starts a section whose reports could not be compared. */
    public static final String DELTA_ERROR = "<!-- zt-reports-delta:error -->";
    /** Ends the section. */
    public static final String DELTA_END = "<!-- /zt-reports-delta -->";

    private Reports() {
    }

    /**
     * Writes the reports of a plan; the same plan gives byte-identical files.
     *
     * @param dir      the plan's directory
     * @param planJson the plan
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, JsonObject planJson) throws IOException {
        var plan = PlanModel.parse(planJson);
        Files.writeString(dir.resolve(COMPLIANCE), ComplianceReport.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(COST), CostReport.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(DEPLOY), DeployReport.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(com.ztplatform.stack.azurepolicy.AzurePolicyReport.FILE),
                com.ztplatform.stack.azurepolicy.AzurePolicyReport.render(plan), StandardCharsets.UTF_8);
    }

    /**
     * The reports' change from the base plan to this one, as Markdown for the pull-request comment: the monthly
     * cost delta (total and per resource), controls whose verdict changed, and the critical path's change. When
     * none of them changes, the section is one line. It sits between {@link #DELTA_CHANGED} (or
     * {@link #DELTA_UNCHANGED}) and {@link #DELTA_END}.
     *
     * @param basePlan the earlier plan
     * @param headPlan this change's plan
     * @return the section's Markdown, markers included
     */
    public static String delta(JsonObject basePlan, JsonObject headPlan) {
        var base = PlanModel.parse(basePlan);
        var head = PlanModel.parse(headPlan);
        var md = new StringBuilder("\n#### Reports\n\n");
        var costBase = CostReport.estimate(base);
        var costHead = CostReport.estimate(head);
        var change = costHead.total().subtract(costBase.total());
        md.append("**Monthly cost:** ").append(CostReport.usd(costBase.total())).append(" → ")
                .append(CostReport.usd(costHead.total())).append(" (").append(signed(change)).append(" per month, list prices)\n");
        var before = costBase.byResource();
        var after = costHead.byResource();
        var keys = new TreeSet<String>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        var rows = new ArrayList<String>();
        for (var k : keys) {
            var b = before.getOrDefault(k, BigDecimal.ZERO);
            var a = after.getOrDefault(k, BigDecimal.ZERO);
            if (b.compareTo(a) != 0) {
                rows.add("| `" + k + "` | " + CostReport.usd(b) + " | " + CostReport.usd(a) + " | " + signed(a.subtract(b)) + " |");
            }
        }
        if (!rows.isEmpty()) {
            md.append("\n| resource | before | after | delta |\n|---|---:|---:|---:|\n");
            rows.forEach(r -> md.append(r).append('\n'));
        }
        var verdictsBefore = verdicts(base);
        var verdictsAfter = verdicts(head);
        var controlRows = new ArrayList<String>();
        verdictsAfter.forEach((id, v) -> {
            var was = verdictsBefore.get(id);
            if (!Objects.equals(was, v)) {
                controlRows.add("| " + id + " | " + (was == null ? "(none)" : was) + " | " + v + " |");
            }
        });
        var pathBase = DeployReport.criticalPath(base);
        var pathHead = DeployReport.criticalPath(head);
        var endBase = pathBase.chain().isEmpty() ? "" : pathBase.chain().get(pathBase.chain().size() - 1).resource().name();
        var endHead = pathHead.chain().isEmpty() ? "" : pathHead.chain().get(pathHead.chain().size() - 1).resource().name();
        var pathChanged = pathBase.total().compareTo(pathHead.total()) != 0 || !endBase.equals(endHead);
        // Only what changed is shown; the rest is named once at the end, so the comment stays short.
        var same = new ArrayList<String>();
        if (controlRows.isEmpty()) {
            same.add("compliance verdicts");
        } else {
            md.append("\n**Compliance:** ").append(controlRows.size())
                    .append(" control(s) change their verdict.\n\n| control | before | after |\n|---|---|---|\n");
            controlRows.forEach(r -> md.append(r).append('\n'));
        }
        if (pathChanged) {
            md.append("\n**Deployment critical path:** ").append(DeployReport.min(pathBase.total())).append(" → ")
                    .append(DeployReport.min(pathHead.total()))
                    .append(endBase.equals(endHead) ? " (ends at `" + endHead + "`)" : " (ended at `" + endBase + "`, now `" + endHead + "`)")
                    .append('\n');
        } else {
            same.add("deployment critical path (" + DeployReport.min(pathHead.total()) + ")");
        }
        if (!same.isEmpty()) {
            md.append("\nUnchanged: ").append(String.join(", ", same)).append(".\n");
        }
        var unchanged = change.signum() == 0 && rows.isEmpty() && controlRows.isEmpty() && !pathChanged;
        if (unchanged) {
            return "\n" + DELTA_UNCHANGED + "\n#### Reports\n\nNo change to the monthly cost (" + CostReport.usd(costHead.total())
                    + ", list prices), the compliance verdicts or the deployment critical path ("
                    + DeployReport.min(pathHead.total()) + ").\n\n" + DELTA_END + "\n";
        }
        // The blank line before the end marker keeps it out of a table or paragraph above it.
        return "\n" + DELTA_CHANGED + md + "\n" + DELTA_END + "\n";
    }

    /**
     * The section in place of the reports' change when they could not be compared.
     *
     * @param message why
     * @return the section's Markdown, markers included
     */
    public static String deltaError(String message) {
        return "\n" + DELTA_ERROR + "\n#### Reports\n\n> Could not compare the reports: " + message + "\n\n" + DELTA_END + "\n";
    }

    private static Map<String, String> verdicts(PlanModel plan) {
        var map = new TreeMap<String, String>();
        ComplianceReport.evaluate(plan).forEach(r -> map.put(r.control().id(), r.verdict().text()));
        return map;
    }

    static String signed(BigDecimal value) {
        var text = CostReport.usd(value.abs());
        return value.signum() < 0 ? "−" + text : "+" + text;
    }
}
