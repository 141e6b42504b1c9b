package com.ztplatform.stack.azurepolicy;

import com.ztplatform.stack.reports.PlanModel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code azure-policy.md}: the selected built-in Azure Policy definitions evaluated against the plan, one row per
 * definition with its effect, result and the resources it matched.
 */
public final class AzurePolicyReport {
    /** The report's file name. */
    public static final String FILE = "azure-policy.md";

    private AzurePolicyReport() {
    }

    /**
     * The report of a plan; the same plan gives the same text.
     *
     * @param plan the plan
     * @return the Markdown
     */
    public static String render(PlanModel plan) {
        return render(plan.stack(), PolicyEvaluation.evaluate(plan));
    }

    /**
     * The report of findings.
     *
     * @param stack    the stack
     * @param findings the findings
     * @return the Markdown
     */
    public static String render(String stack, List<PolicyEvaluation.Finding> findings) {
        var source = BuiltInPolicies.source();
        var md = new StringBuilder("# Azure Policy built-in definitions: stack ").append(stack).append("\n\n")
                .append("The ").append(findings.size()).append(" built-in definitions selected in `selection.json` (")
                .append(source.get("release").getAsString()).append(", ").append(source.get("repository").getAsString())
                .append(" at `").append(source.get("commit").getAsString(), 0, 12)
                .append("`), evaluated offline against this plan with their default parameters. Exemptions: ")
                .append("`exemptions.json` (shown in the README).\n\n");
        md.append("| result | definitions |\n|---|---:|\n");
        counts(findings).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n| definition | effect | result | in scope | resources matched | note |\n|---|---|---|---:|---|---|\n");
        for (var f : findings) {
            md.append("| ").append(f.definition().displayName()).append(" (`").append(f.definition().id(), 0, 8)
                    .append("`) | ").append(f.effect()).append(" | ").append(f.result().text()).append(" | ")
                    .append(f.inScope()).append(" | ")
                    .append(String.join(", ", f.nonCompliant().stream().map(n -> "`" + n + "`").toList())).append(" | ")
                    .append(f.exemption() == null ? f.detail().replace("|", "\\|")
                            : f.exemption().category().text() + ": " + f.detail())
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * Definitions per result.
     *
     * @param findings the findings
     * @return result text to count, in result order
     */
    public static Map<String, Integer> counts(List<PolicyEvaluation.Finding> findings) {
        var counts = new TreeMap<Integer, Map.Entry<String, Integer>>();
        for (var r : PolicyEvaluation.Result.values()) {
            var n = (int) findings.stream().filter(f -> f.result() == r).count();
            if (n > 0) {
                counts.put(r.ordinal(), Map.entry(r.text(), n));
            }
        }
        var ordered = new java.util.LinkedHashMap<String, Integer>();
        counts.values().forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
