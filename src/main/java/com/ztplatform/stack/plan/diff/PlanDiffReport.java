package com.ztplatform.stack.plan.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code plan <stack> --diff <base plan.json>}: after the plan is written, compares it with the base plan,
 * writes {@code diff.md} next to it and prints it. It never changes the plan command's exit code: a base plan
 * that cannot be read is reported in diff.md (and on stderr) instead, and a missing one counts as empty (a
 * stack the base branch does not have yet).
 */
public final class PlanDiffReport {
    /** The file the diff is written to, beside plan.json. */
    public static final String FILE = "diff.md";

    private PlanDiffReport() {
    }

    /**
     * @param stack    the stack planned
     * @param basePlan the base plan.json, like the one the target branch produces
     * @param dir      the directory the plan was written to (holds plan.json)
     * @param out      where the one-line summary goes
     * @param err      where a base plan that cannot be read is reported
     * @return the Markdown written
     */
    public static String write(String stack, Path basePlan, Path dir, PrintStream out, PrintStream err) {
        String markdown;
        try {
            var head = PlanDiff.read(dir.resolve("plan.json"), "plan");
            if (Files.exists(basePlan)) {
                var base = PlanDiff.read(basePlan, "base plan");
                markdown = withReports(PlanDiff.compare(base, head).toMarkdown(), base, head, err, stack);
            } else {
                markdown = PlanDiffMarkdown.render(PlanDiff.compare(emptyPlanLike(head), head), PlanDiffMarkdown.MAX_CHARS,
                        "No base plan at `" + basePlan + "` (the base branch does not have this stack, or its plan "
                                + "failed): everything counts as added.");
            }
        } catch (IOException | RuntimeException e) {
            err.println("plan " + stack + ": --diff: " + e.getMessage());
            markdown = PlanDiffMarkdown.marker(stack) + "\n### Offline plan diff: `" + stack + "`\n\n"
                    + "> Could not compare with the base plan `" + basePlan + "`: " + e.getMessage() + "\n";
        }
        try {
            Files.writeString(dir.resolve(FILE), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("plan " + stack + ": --diff: cannot write " + dir.resolve(FILE) + ": " + e.getMessage());
        }
        out.println();
        out.print(markdown);
        return markdown;
    }

    /** Adds the reports' change (cost delta, verdicts, critical path) before the diff's footer. */
    static String withReports(String diff, JsonObject base, JsonObject head, PrintStream err, String stack) {
        String section;
        try {
            section = com.ztplatform.stack.reports.Reports.delta(base, head);
        } catch (RuntimeException e) {
            err.println("plan " + stack + ": --diff: reports: " + e.getMessage());
            section = com.ztplatform.stack.reports.Reports.deltaError(e.getMessage());
        }
        var footer = diff.lastIndexOf("\n<sub>");
        return footer < 0 ? diff + section : diff.substring(0, footer) + section + diff.substring(footer);
    }

    private static JsonObject emptyPlanLike(JsonObject head) {
        var empty = new JsonObject();
        empty.addProperty("schemaVersion", PlanDiff.SCHEMA_VERSION);
        empty.add("project", head.get("project"));
        empty.add("stack", head.get("stack"));
        empty.add("resources", new JsonArray());
        empty.add("outputs", new JsonObject());
        return empty;
    }
}
