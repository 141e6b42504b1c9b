package com.ztplatform.stack.plan;

import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** tree.txt: the resource tree (children under their parent component) and counts by type. */
final class TreeView {
    private TreeView() {
    }

    static String render(Plan plan) {
        var urns = plan.resources().stream().map(Plan.PlanResource::urn).collect(Collectors.toSet());
        Map<String, List<Plan.PlanResource>> children = new HashMap<>();
        var roots = new ArrayList<Plan.PlanResource>();
        for (var r : plan.resources()) {
            if (r.parent() == null || !urns.contains(r.parent())) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        var order = Comparator.comparing(Plan.PlanResource::type).thenComparing(Plan.PlanResource::name);
        roots.sort(order);
        children.values().forEach(list -> list.sort(order));

        long custom = plan.resources().stream().filter(Plan.PlanResource::custom).count();
        var out = new StringBuilder();
        out.append("Stack ").append(plan.stack()).append(" (project ").append(plan.project()).append("): ")
                .append(plan.resources().size()).append(" resources, ").append(custom).append(" cloud resources and ")
                .append(plan.resources().size() - custom).append(" components\n\n");
        for (int i = 0; i < roots.size(); i++) {
            print(out, roots.get(i), "", i == roots.size() - 1, children);
        }
        out.append("\nCounts by type:\n");
        var counts = new TreeMap<String, Integer>();
        plan.resources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        counts.forEach((type, n) -> out.append(String.format("  %4d  %s%n", n, type)));
        return out.toString();
    }

    private static void print(StringBuilder out, Plan.PlanResource r, String indent, boolean last,
                              Map<String, List<Plan.PlanResource>> children) {
        out.append(indent).append(last ? "└─ " : "├─ ").append(r.name()).append("  [").append(r.type()).append(']');
        if (r.options().has("protect") && r.options().get("protect").getAsBoolean()) {
            out.append("  (protected)");
        }
        out.append('\n');
        var kids = children.getOrDefault(r.urn(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            print(out, kids.get(i), indent + (last ? "   " : "│  "), i == kids.size() - 1, children);
        }
    }
}
