package com.ztplatform.stack.reports;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.reports.Evidence.Status;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compliance.md: each control of the mapping ({@code compliance-controls.json}) with its verdict, the evidence
 * rules behind it and what they found in the plan.
 */
public final class ComplianceReport {
    static final String MAPPING = "compliance-controls.json";

    /** A control's verdict. */
    public enum Verdict {
        /** Every rule behind the control is met and the rules cover the whole control. */
        MET("met"),
        /** The rules are met but cover only part of the control (the mapping names the gap). */
        PARTLY_MET("partly met"),
        /** A rule behind the control is not met. */
        NOT_MET("not met");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /**
         * The verdict as the report writes it.
         *
         * @return like {@code partly met}
         */
        public String text() {
            return text;
        }
    }

    /**
     * Where a control's reference and title were checked word for word, and when.
     *
     * @param url     the page the text was checked against (a copy of the official text, or a public listing)
     * @param checked the date checked, ISO-8601 ({@code 2026-12-05})
     * @param basis   one of {@link #BASES}: what kind of page {@code url} is
     * @param also    further pages that agree word for word (may be empty)
     */
    public record Source(String url, String checked, String basis, List<String> also) {
        /** The kinds of page a text can be checked against; {@code unreachable} means it was not checked. */
        public static final List<String> BASES = List.of("official-text", "copy-of-official-text", "public-listing",
                "unreachable");

        /**
         * Copies the further pages.
         *
         * @param url     the page checked against
         * @param checked the date checked
         * @param basis   what kind of page it is
         * @param also    further pages that agree
         */
        public Source {
            also = List.copyOf(also);
        }
    }

    /**
     * One control of the mapping.
     *
     * @param framework    the framework, like {@code NIS2}
     * @param ref          the control's reference in it
     * @param title        the control's title
     * @param rules        the evidence rules that implement it
     * @param fullCoverage whether the rules cover the whole control
     * @param gap          what the rules leave to process or people, when they do not
     * @param source       where the reference and title were checked
     */
    public record Control(String framework, String ref, String title, List<String> rules, boolean fullCoverage,
                          String gap, Source source) {
        /**
         * Copies the rules.
         *
         * @param framework    the framework
         * @param ref          the reference
         * @param title        the title
         * @param rules        the evidence rules
         * @param fullCoverage whether they cover all of it
         * @param gap          what they leave out
         * @param source       where the text was checked
         */
        public Control {
            rules = List.copyOf(rules);
        }

        /**
         * The control's name in the report.
         *
         * @return framework and reference, like {@code CIS 8.1}
         */
        public String id() {
            return framework + " " + ref;
        }
    }

    /**
     * A control's verdict and why.
     *
     * @param control  the control
     * @param verdict  its verdict
     * @param reason   why, in one line
     * @param evidence what each rule behind it found
     */
    public record Result(Control control, Verdict verdict, String reason, List<Evidence> evidence) {
        /**
         * Copies the evidence.
         *
         * @param control  the control
         * @param verdict  its verdict
         * @param reason   why
         * @param evidence what the rules found
         */
        public Result {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The framework sources (title, official URL, whether that text was reached) and the controls, in the mapping's
     * order.
     *
     * @param sources  framework to its title, URL and whether the official text was reached
     * @param controls the controls
     */
    public record Mapping(Map<String, String[]> sources, List<Control> controls) {
    }

    private ComplianceReport() {
    }

    /**
     * The shipped mapping; fails when a control names an evidence rule that does not exist.
     *
     * @return the mapping read from {@value #MAPPING}
     */
    public static Mapping mapping() {
        try (var in = ComplianceReport.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING + " is not on the classpath");
            }
            return parse(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mapping parse(JsonObject json) {
        var sources = new LinkedHashMap<String, String[]>();
        json.getAsJsonObject("sources").entrySet().forEach(e -> {
            var o = e.getValue().getAsJsonObject();
            // [title, official URL, whether the official text itself was reached when the controls were checked]
            var reached = !o.has("officialTextReached") || o.get("officialTextReached").getAsBoolean();
            sources.put(e.getKey(), new String[]{o.get("title").getAsString(), o.get("url").getAsString(), String.valueOf(reached)});
        });
        var controls = new ArrayList<Control>();
        for (var c : json.getAsJsonArray("controls")) {
            var o = c.getAsJsonObject();
            var rules = new ArrayList<String>();
            o.getAsJsonArray("rules").forEach(r -> rules.add(r.getAsString()));
            var control = new Control(o.get("framework").getAsString(), o.get("ref").getAsString(), o.get("title").getAsString(),
                    rules, "full".equals(o.get("coverage").getAsString()), o.get("gap").getAsString(), source(o));
            if (!sources.containsKey(control.framework())) {
                throw new IllegalArgumentException(control.id() + ": framework has no source");
            }
            rules.forEach(EvidenceRules::policyOf); // unknown rule ids fail here, naming the known ones
            controls.add(control);
        }
        return new Mapping(sources, controls);
    }

    /** A control's {@code source}; a control without one fails, naming it (every title needs a checked source). */
    private static Source source(JsonObject control) {
        var id = control.get("framework").getAsString() + " " + control.get("ref").getAsString();
        if (!control.has("source") || !control.get("source").isJsonObject()) {
            throw new IllegalArgumentException(id + ": no source (like {\"url\": \"https://...\", \"checked\": \"2026-12-05\", "
                    + "\"basis\": \"copy-of-official-text\"})");
        }
        var o = control.getAsJsonObject("source");
        var also = new ArrayList<String>();
        if (o.has("also")) {
            o.getAsJsonArray("also").forEach(a -> also.add(a.getAsString()));
        }
        return new Source(text(o, "url"), text(o, "checked"), text(o, "basis"), also);
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }

    /**
     * Every control's verdict on a plan.
     *
     * @param plan the plan
     * @return one result per control, in the mapping's order
     */
    public static List<Result> evaluate(PlanModel plan) {
        return evaluate(mapping(), plan);
    }

    static List<Result> evaluate(Mapping mapping, PlanModel plan) {
        var cache = new LinkedHashMap<String, Evidence>();
        var results = new ArrayList<Result>();
        for (var control : mapping.controls()) {
            var evidence = control.rules().stream().map(r -> cache.computeIfAbsent(r, id -> EvidenceRules.evaluate(id, plan)))
                    .toList();
            results.add(judge(control, evidence));
        }
        return results;
    }

    /**
     * Met: every applicable rule met and the rules cover the whole control. Partly met: some rules met, or all met
     * but part of the control is outside the plan. Not met: no rule met (or none can show it).
     */
    static Result judge(Control control, List<Evidence> evidence) {
        var applicable = evidence.stream().filter(e -> e.status() != Status.NOT_APPLICABLE).toList();
        var failed = applicable.stream().filter(e -> e.status() == Status.NOT_MET).toList();
        long met = applicable.size() - failed.size();
        if (met == 0) {
            var reason = applicable.isEmpty()
                    ? "no evidence in the plan: " + control.gap()
                    : "every rule fails: " + failedText(failed);
            return new Result(control, Verdict.NOT_MET, reason, evidence);
        }
        if (!failed.isEmpty()) {
            return new Result(control, Verdict.PARTLY_MET, failedText(failed)
                    + (control.fullCoverage() ? "" : "; also outside the plan: " + control.gap()), evidence);
        }
        if (!control.fullCoverage()) {
            return new Result(control, Verdict.PARTLY_MET, "the plan's part is met; outside the plan: " + control.gap(),
                    evidence);
        }
        return new Result(control, Verdict.MET, "every evidence rule is met", evidence);
    }

    private static String failedText(List<Evidence> failed) {
        var parts = new ArrayList<String>();
        for (var e : failed) {
            var first = e.problems().isEmpty() ? "" : " (" + e.problems().get(0)
                    + (e.problems().size() > 1 ? "; +" + (e.problems().size() - 1) + " more" : "") + ")";
            parts.add(e.rule() + first);
        }
        return "not met: " + String.join(", ", parts);
    }

    /**
     * compliance.md of a plan.
     *
     * @param plan the plan
     * @return the Markdown; the same plan gives the same bytes
     */
    public static String render(PlanModel plan) {
        var mapping = mapping();
        var results = evaluate(mapping, plan);
        var md = new StringBuilder();
        md.append("# Compliance evidence: `").append(plan.stack()).append("`\n\n");
        md.append("Controls mapped to evidence in this plan (`plan.json`). A verdict says what the plan shows, not that ")
                .append("an auditor would accept it: organisational measures are outside any plan and are named as gaps. ")
                .append("Evidence rules marked with a policy agree with that policy of the pack (a test fails otherwise). ")
                .append("Mapping: `src/main/resources/com/ztplatform/stack/reports/").append(MAPPING).append("`.\n\n");
        var counts = new LinkedHashMap<Verdict, Integer>();
        for (var v : Verdict.values()) {
            counts.put(v, 0);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        md.append("**").append(counts.get(Verdict.MET)).append(" met, ").append(counts.get(Verdict.PARTLY_MET))
                .append(" partly met, ").append(counts.get(Verdict.NOT_MET)).append(" not met** of ").append(results.size())
                .append(" controls.\n\n");
        for (var source : mapping.sources().entrySet()) {
            var inFramework = results.stream().filter(r -> r.control().framework().equals(source.getKey())).toList();
            md.append("## ").append(source.getValue()[0]).append("\n\nSource: ").append(source.getValue()[1])
                    .append(Boolean.parseBoolean(source.getValue()[2]) ? ""
                            : " (the official text itself was not reached when the controls were checked)")
                    .append(". Each control links the page its wording was checked against word for word.\n\n");
            md.append("| control | verdict | reason |\n|---|---|---|\n");
            for (var r : inFramework) {
                var ref = r.control().source().url().startsWith("https://")
                        ? "[" + r.control().ref() + "](" + r.control().source().url() + ")" : r.control().ref();
                md.append("| ").append(ref).append(" ").append(cell(r.control().title())).append(" | ")
                        .append(badge(r.verdict())).append(" | ").append(cell(r.reason())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Evidence rules\n\n| rule | policy of the pack | status | evidence / problems |\n|---|---|---|---|\n");
        var seen = new LinkedHashMap<String, Evidence>();
        results.forEach(r -> r.evidence().forEach(e -> seen.putIfAbsent(e.rule(), e)));
        for (var e : seen.values()) {
            var detail = e.status() == Status.NOT_MET ? e.problems() : e.evidence();
            md.append("| `").append(e.rule()).append("` | ").append(e.policy().isEmpty() ? "-" : "`" + e.policy() + "`")
                    .append(" | ").append(statusText(e.status())).append(" | ")
                    .append(cell(summarise(detail, e.status()))).append(" |\n");
        }
        return md.toString();
    }

    private static String summarise(List<String> lines, Status status) {
        if (status == Status.NOT_APPLICABLE) {
            return "nothing in the plan to check";
        }
        var shown = lines.stream().limit(6).toList();
        return String.join("; ", shown) + (lines.size() > shown.size() ? "; +" + (lines.size() - shown.size()) + " more" : "");
    }

    static String statusText(Status status) {
        return switch (status) {
            case MET -> "met";
            case NOT_MET -> "**not met**";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    static String badge(Verdict v) {
        return switch (v) {
            case MET -> "✅ met";
            case PARTLY_MET -> "🟡 partly met";
            case NOT_MET -> "❌ not met";
        };
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
