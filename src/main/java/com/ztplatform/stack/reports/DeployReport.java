package com.ztplatform.stack.reports;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.reports.PlanModel.Resource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * deploy.md: the longest chain of a first deployment through the plan's dependency graph, as the engine orders
 * it (a resource starts when its dependencies and its parent are done; components take no time), with typical
 * create times per type from {@code create-times.json}. Compared with the slowest single resource; every
 * {@code dependsOn} on the chain (a dependency no input needs) is named with what dropping it would save and
 * whether Azure needs it.
 */
public final class DeployReport {
    static final String TIMES = "create-times.json";

    /** A type's create time and where the figure comes from. */
    public record Timing(BigDecimal minutes, String kind, String source) {
    }

    /** An ordering the data says is needed (or not) between two types, and why. */
    public record Ordering(String from, String to, List<String> sameInputs, boolean needed, String why, String source) {
        /**
         * Copies the inputs.
         *
         * @param from       the type created first
         * @param to         the type created after it
         * @param sameInputs the inputs that must be equal for the ordering to apply
         * @param needed     whether the ordering is needed (false: documented as not needed)
         * @param why        why
         * @param source     where the fact comes from
         */
        public Ordering {
            sameInputs = List.copyOf(sameInputs);
        }

        /** Whether this ordering is about these two resources (types match and the named inputs are equal). */
        boolean covers(Resource waiter, Resource waitedFor) {
            return from.equals(waiter.type()) && to.equals(waitedFor.type()) && sameInputs.stream()
                    .allMatch(k -> waiter.text(k).isPresent() && waiter.text(k).equals(waitedFor.text(k)));
        }
    }

    /** One step of the chain. */
    public record Step(Resource resource, BigDecimal minutes, BigDecimal finishesAt, String edgeIn) {
    }

    /** A dependsOn on the chain, and what dropping it would give. */
    public record Serialisation(Resource waiter, Resource waitedFor, BigDecimal chainWithout,
                                Optional<Ordering> known) {
    }

    /** The result for one plan. */
    public record CriticalPath(String stack, List<Step> chain, BigDecimal total, Resource slowest, BigDecimal slowestMinutes,
                               List<Serialisation> serialisations, List<SlowResource> slow) {
    }

    /** A resource that takes long, when it can start, and the dependsOn waits before it. */
    public record SlowResource(Step step, BigDecimal startsAt, List<Serialisation> waits) {
    }

    /** Resources at least this slow get their own chain in the report. */
    static final BigDecimal SLOW = BigDecimal.valueOf(5);

    private record Data(Map<String, Timing> times, Timing fallback, List<Ordering> orderings) {
    }

    private DeployReport() {
    }

    private static Data data() {
        try (var in = DeployReport.class.getResourceAsStream(TIMES)) {
            if (in == null) {
                throw new IllegalStateException(TIMES + " is not on the classpath");
            }
            var json = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            var times = new HashMap<String, Timing>();
            json.getAsJsonObject("types").entrySet().forEach(e -> {
                var o = e.getValue().getAsJsonObject();
                times.put(e.getKey(), new Timing(o.get("minutes").getAsBigDecimal(), o.get("kind").getAsString(),
                        o.get("source").getAsString()));
            });
            var orderings = new ArrayList<Ordering>();
            json.getAsJsonArray("orderings").forEach(e -> {
                var o = e.getAsJsonObject();
                var same = new ArrayList<String>();
                if (o.has("sameInputs")) {
                    o.getAsJsonArray("sameInputs").forEach(x -> same.add(x.getAsString()));
                }
                orderings.add(new Ordering(o.get("from").getAsString(), o.get("to").getAsString(), same, o.get("needed").getAsBoolean(),
                        o.get("why").getAsString(), o.get("source").getAsString()));
            });
            return new Data(times, new Timing(json.get("defaultMinutes").getAsBigDecimal(), "assumed",
                    json.get("defaultSource").getAsString()), orderings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The longest chain of creations in a plan, by the shipped create times.
     *
     * @param plan the plan
     * @return the chain and its total time
     */
    public static CriticalPath criticalPath(PlanModel plan) {
        var data = data();
        return criticalPath(plan, type -> data.times().getOrDefault(type, data.fallback()).minutes(), data.orderings());
    }

    interface Times {
        BigDecimal minutes(String type);
    }

    static CriticalPath criticalPath(PlanModel plan, Times times, List<Ordering> orderings) {
        var byUrn = new LinkedHashMap<String, Resource>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        var full = longest(byUrn, times, Set.of(), null);
        var chain = full.chain();
        var serialisations = serialisations(chain, byUrn, times, orderings, null);
        var slow = new ArrayList<SlowResource>();
        for (var r : byUrn.values()) {
            if (minutes(r, times).compareTo(SLOW) < 0) {
                continue;
            }
            var to = longest(byUrn, times, Set.of(), r.urn());
            var last = to.chain().get(to.chain().size() - 1);
            slow.add(new SlowResource(last, last.finishesAt().subtract(last.minutes()),
                    serialisations(to.chain(), byUrn, times, orderings, r.urn())));
        }
        slow.sort((a, b) -> b.step().finishesAt().compareTo(a.step().finishesAt()) != 0
                ? b.step().finishesAt().compareTo(a.step().finishesAt()) : a.step().resource().urn().compareTo(b.step().resource().urn()));
        Resource slowest = null;
        var slowestMinutes = BigDecimal.ZERO;
        for (var r : byUrn.values()) {
            var m = minutes(r, times);
            if (slowest == null || m.compareTo(slowestMinutes) > 0) {
                slowest = r;
                slowestMinutes = m;
            }
        }
        return new CriticalPath(plan.stack(), chain, full.total(), slowest, slowestMinutes, serialisations, slow);
    }

    /** The dependsOn edges of a chain, each with the chain's length without it (ending at {@code end}, or anywhere). */
    private static List<Serialisation> serialisations(List<Step> chain, Map<String, Resource> byUrn, Times times,
                                                      List<Ordering> orderings, String end) {
        var out = new ArrayList<Serialisation>();
        for (int i = 1; i < chain.size(); i++) {
            var waiter = chain.get(i).resource();
            var waitedFor = chain.get(i - 1).resource();
            if (!"dependsOn".equals(chain.get(i).edgeIn())) {
                continue;
            }
            var without = longest(byUrn, times, Set.of(waiter.urn() + "->" + waitedFor.urn()), end).total();
            var known = orderings.stream().filter(o -> o.covers(waiter, waitedFor)).findFirst();
            out.add(new Serialisation(waiter, waitedFor, without, known));
        }
        return out;
    }

    private static BigDecimal minutes(Resource r, Times times) {
        return r.custom() && !r.type().startsWith("pulumi:providers:") ? times.minutes(r.type()) : BigDecimal.ZERO;
    }

    private record Longest(List<Step> chain, BigDecimal total) {
    }

    /** Longest finish time over the DAG; ties broken by URN so the chain is the same on every run. */
    private static Longest longest(Map<String, Resource> byUrn, Times times, Set<String> droppedEdges, String endAt) {
        var finish = new HashMap<String, BigDecimal>();
        var via = new HashMap<String, String[]>();
        for (var urn : byUrn.keySet()) {
            finish(urn, byUrn, times, droppedEdges, finish, via, new java.util.HashSet<>());
        }
        String end = endAt;
        for (var urn : endAt != null ? List.<String>of() : byUrn.keySet().stream().sorted().toList()) {
            if (end == null || finish.get(urn).compareTo(finish.get(end)) > 0) {
                end = urn;
            }
        }
        var steps = new ArrayList<Step>();
        for (var at = end; at != null; ) {
            var r = byUrn.get(at);
            var in = via.get(at);
            steps.add(0, new Step(r, minutes(r, times), finish.get(at), in == null ? "" : in[1]));
            at = in == null ? null : in[0];
        }
        // Components (0 minutes) on the chain say nothing: keep the resources that take time, and the edge into them.
        return new Longest(steps, end == null ? BigDecimal.ZERO : finish.get(end));
    }

    private static BigDecimal finish(String urn, Map<String, Resource> byUrn, Times times, Set<String> dropped,
                                     Map<String, BigDecimal> finish, Map<String, String[]> via, Set<String> visiting) {
        var known = finish.get(urn);
        if (known != null) {
            return known;
        }
        if (!visiting.add(urn)) {
            throw new IllegalArgumentException("dependency cycle through " + urn);
        }
        var r = byUrn.get(urn);
        var start = BigDecimal.ZERO;
        String[] from = null;
        var preds = new ArrayList<String[]>();
        if (!r.parent().isEmpty() && byUrn.containsKey(r.parent())) {
            preds.add(new String[]{r.parent(), "parent"});
        }
        for (var d : r.dependencies()) {
            if (byUrn.containsKey(d) && !dropped.contains(urn + "->" + d)) {
                preds.add(new String[]{d, r.propertyDependencies().contains(d) ? "input" : "dependsOn"});
            }
        }
        preds.sort((a, b) -> a[0].compareTo(b[0]));
        for (var p : preds) {
            var f = finish(p[0], byUrn, times, dropped, finish, via, visiting);
            if (from == null || f.compareTo(start) > 0) {
                start = f;
                from = p;
            }
        }
        var done = start.add(minutes(r, times));
        finish.put(urn, done);
        if (from != null) {
            via.put(urn, from);
        }
        return done;
    }

    /**
     * deploy.md of a plan.
     *
     * @param plan the plan
     * @return the Markdown; the same plan gives the same bytes
     */
    public static String render(PlanModel plan) {
        var data = data();
        return render(criticalPath(plan), data);
    }

    private static String render(CriticalPath p, Data data) {
        var md = new StringBuilder();
        md.append("# Deployment critical path: `").append(p.stack()).append("`\n\n");
        md.append("A first `pulumi up` cannot finish faster than its longest chain of resources that wait for each other ")
                .append("(inputs, `dependsOn` and parents, as the engine orders them; components take no time). Create ")
                .append("times are typical figures per type (table below, with sources); Azure's real times vary.\n\n");
        var timed = p.chain().stream().filter(s -> s.minutes().signum() > 0).toList();
        md.append("**Chain: ").append(min(p.total())).append("** over ").append(timed.size())
                .append(" resources that take time; the slowest single resource is `").append(p.slowest().name())
                .append("` (").append(type(p.slowest().type())).append(", ").append(min(p.slowestMinutes()))
                .append("), so ").append(min(p.total().subtract(p.slowestMinutes())))
                .append(" of the chain is waiting on other resources.\n\n");
        md.append("```mermaid\nflowchart LR\n");
        for (int i = 0; i < timed.size(); i++) {
            var s = timed.get(i);
            md.append("  s").append(i).append("[\"").append(s.resource().name()).append("<br/>")
                    .append(type(s.resource().type())).append(" ").append(min(s.minutes())).append("\"]\n");
            if (i > 0) {
                md.append("  s").append(i - 1).append(" --> s").append(i).append('\n');
            }
        }
        md.append("```\n\n| # | resource | type | waits via | minutes | done at |\n|---|---|---|---|---:|---:|\n");
        int n = 1;
        for (var s : timed) {
            md.append("| ").append(n++).append(" | `").append(s.resource().name()).append("` | `").append(type(s.resource().type()))
                    .append("` | ").append(s.edgeIn().isEmpty() ? "start" : s.edgeIn()).append(" | ").append(num(s.minutes()))
                    .append(" | ").append(num(s.finishesAt())).append(" |\n");
        }
        md.append("\n## Serialisation on the chain\n\n");
        serialisationTable(md, p.serialisations(), "the chain");
        md.append("\n## What the slow resources wait for\n\nEach resource of ").append(min(SLOW))
                .append(" or more: when its longest chain lets it start, and the `dependsOn` waits on that chain.\n\n")
                .append("| resource | minutes | starts at | done at |\n|---|---:|---:|---:|\n");
        for (var s : p.slow()) {
            md.append("| `").append(s.step().resource().name()).append("` (").append(type(s.step().resource().type()))
                    .append(") | ").append(num(s.step().minutes())).append(" | ").append(num(s.startsAt())).append(" | ")
                    .append(num(s.step().finishesAt())).append(" |\n");
        }
        for (var s : p.slow()) {
            if (!s.waits().isEmpty()) {
                md.append("\n**`").append(s.step().resource().name()).append("`**\n\n");
                serialisationTable(md, s.waits(), "its chain");
            }
        }
        md.append("\n## Create times\n\n| type | minutes | kind | source |\n|---|---:|---|---|\n");
        data.times().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> md.append("| `").append(type(e.getKey()))
                .append("` | ").append(num(e.getValue().minutes())).append(" | ").append(e.getValue().kind()).append(" | ")
                .append(source(e.getValue().source())).append(" |\n"));
        md.append("| any other type | ").append(num(data.fallback().minutes())).append(" | assumed | ")
                .append(data.fallback().source()).append(" |\n");
        return md.toString();
    }

    private static void serialisationTable(StringBuilder md, List<Serialisation> list, String what) {
        if (list.isEmpty()) {
            md.append("No `dependsOn` on ").append(what).append(": every wait is an input the resource needs.\n");
            return;
        }
        md.append("Each `dependsOn` on ").append(what).append(" (a wait no input needs), how long ").append(what)
                .append(" would be without it, and whether Azure needs the order.\n\n")
                .append("| waits | for | without it | verdict |\n|---|---|---:|---|\n");
        for (var s : list) {
            var verdict = s.known().map(o -> (o.needed() ? "needed: " : "**false serialisation**: ") + o.why()
                            + " ([source](" + o.source() + "))")
                    .orElse("**false serialisation?** no known Azure reason for this order: check it");
            md.append("| `").append(s.waiter().name()).append("` | `").append(s.waitedFor().name()).append("` | ")
                    .append(min(s.chainWithout())).append(" | ").append(verdict.replace("|", "\\|")).append(" |\n");
        }
    }

    private static String source(String s) {
        return s.startsWith("https://") ? "[" + s.replaceFirst("https://", "").replaceFirst("/.*/", "/…/") + "](" + s + ")" : s;
    }

    static String type(String token) {
        var i = token.lastIndexOf(':');
        return i < 0 ? token : token.substring(i + 1);
    }

    static String num(BigDecimal minutes) {
        return minutes.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String min(BigDecimal minutes) {
        return num(minutes) + " min";
    }

    /**
     * The critical path of plan JSON: used by the PR comment's delta.
     *
     * @param planJson a plan.json of schema 1
     * @return the chain and its total time
     */
    public static CriticalPath criticalPath(JsonObject planJson) {
        return criticalPath(PlanModel.parse(planJson));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
