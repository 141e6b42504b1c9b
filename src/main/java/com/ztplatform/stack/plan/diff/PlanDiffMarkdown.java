package com.ztplatform.stack.plan.diff;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.stack.plan.diff.PlanDiff.Change;
import com.ztplatform.stack.plan.diff.PlanDiff.Resource;
import com.ztplatform.stack.plan.diff.PlanDiff.ResourceChange;

import javax.annotation.Nullable;
import java.util.List;

/**
 * Renders a {@link PlanDiff} as Markdown for a pull-request comment. The first line is a hidden marker per
 * stack ({@code <!-- zt-plan-diff:<stack> -->}) so a workflow can find its comment and edit it in place.
 * Values are compact JSON (strings quoted), {@code [secret]} for secrets, {@code (none)} when absent; long
 * values keep the part that differs with some context around it. The whole text stays under GitHub's
 * comment size limit.
 */
public final class PlanDiffMarkdown {
    /** Longest value shown in full. */
    static final int MAX_VALUE = 100;
    /** Characters kept on each side of the differing part of a long value. */
    static final int CONTEXT = 40;
    /** Changed values listed per resource before "... and N more". */
    static final int MAX_CHANGES_PER_RESOURCE = 40;
    /** GitHub rejects comments over 65536 characters; keep room for the workflow's own text. */
    public static final int MAX_CHARS = 60_000;
    static final String ARROW = " → ";
    private static final com.google.gson.Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private PlanDiffMarkdown() {
    }

    /**
     * The hidden marker that starts the diff of {@code stack}, so a workflow can update its earlier comment.
     *
     * @param stack the stack
     * @return an HTML comment naming it
     */
    public static String marker(String stack) {
        return "<!-- zt-plan-diff:" + stack + " -->";
    }

    /**
     * The diff as Markdown, within {@link #MAX_CHARS}.
     *
     * @param diff the diff
     * @return the Markdown
     */
    public static String render(PlanDiff diff) {
        return render(diff, MAX_CHARS, null);
    }

    /**
     * The diff as Markdown, within a size.
     *
     * @param diff     the diff
     * @param maxChars the most characters; longer lists end in "... and N more"
     * @return the Markdown
     */
    public static String render(PlanDiff diff, int maxChars) {
        return render(diff, maxChars, null);
    }

    /**
     * The diff as Markdown, within a size, with a note.
     *
     * @param diff     the diff
     * @param maxChars the most characters; longer lists end in "... and N more"
     * @param note     shown as a quote under the heading, like why there is no base plan
     * @return the Markdown
     */
    public static String render(PlanDiff diff, int maxChars, @Nullable String note) {
        var base = diff.base();
        var head = diff.head();
        var md = new StringBuilder();
        md.append(marker(head.stack())).append('\n');
        md.append("### Offline plan diff: `").append(head.stack()).append("`\n\n");
        if (note != null) {
            md.append("> ").append(note).append("\n\n");
        }
        if (diff.differentStacks()) {
            md.append("> **The plans are of different stacks:** base `").append(base.qualified()).append("`, this plan `")
                    .append(head.qualified()).append("`. Resources are matched by type and name without the stack, ")
                    .append("so the diff also shows everything the two stacks configure differently.\n\n");
        }
        if (!base.errors().isEmpty()) {
            md.append("> The base plan has ").append(base.errors().size())
                    .append(" program error(s), so it is incomplete: resources it lacks show as added.\n\n");
        }
        if (!head.errors().isEmpty()) {
            md.append("> This plan has ").append(head.errors().size()).append(" program error(s): ")
                    .append(code(head.errors().get(0))).append("\n\n");
        }
        if (!diff.hasChanges()) {
            md.append("**No changes.** Both plans register the same ").append(head.resources())
                    .append(" resources with the same inputs, options and dependencies, and the same stack outputs.\n");
            return md.append(footer()).toString();
        }
        md.append("**").append(diff.added().size()).append(" to add, ").append(diff.changed().size()).append(" to change, ")
                .append(diff.removed().size()).append(" to remove**, ").append(diff.unchanged()).append(" unchanged (base ")
                .append(base.resources()).append(" resources, this plan ").append(head.resources()).append(")\n");

        var outputs = new StringBuilder();
        if (!diff.outputs().isEmpty()) {
            outputs.append("\n#### Stack outputs (").append(diff.outputs().size()).append(" changed)\n\n");
            changeLines(outputs, diff.outputs(), "");
        }
        var sections = new StringBuilder();
        resourceList(sections, "Added", diff.added());
        resourceList(sections, "Removed", diff.removed());
        if (!diff.changed().isEmpty()) {
            sections.append("\n#### Changed (").append(diff.changed().size()).append(")\n");
            var budget = maxChars - md.length() - outputs.length() - footer().length() - 400;
            var shown = 0;
            for (var change : diff.changed()) {
                var block = changeBlock(change);
                if (sections.length() + block.length() > budget) {
                    break;
                }
                sections.append(block);
                shown++;
            }
            if (shown < diff.changed().size()) {
                sections.append("\n_").append(diff.changed().size() - shown).append(" more changed resource(s) not shown ")
                        .append("(comment size limit): compare the two plan.json files for the rest._\n");
            }
        }
        sections.append(outputs);
        if (md.length() + sections.length() + footer().length() > maxChars) {
            sections.setLength(Math.max(0, maxChars - md.length() - footer().length() - 120));
            sections.append("\n\n_Truncated (comment size limit): compare the two plan.json files for the rest._\n");
        }
        return md.append(sections).append(footer()).toString();
    }

    private static String footer() {
        return "\n<sub>Offline plans on Pulumi's test monitor with Azure-shaped mocks: ids and computed values are "
                + "predictions. `pulumi preview` against the live stack is authoritative.</sub>\n";
    }

    private static void resourceList(StringBuilder md, String title, List<Resource> resources) {
        if (resources.isEmpty()) {
            return;
        }
        md.append("\n#### ").append(title).append(" (").append(resources.size()).append(")\n\n");
        resources.forEach(r -> md.append("- ").append(describe(r)).append('\n'));
    }

    private static String describe(Resource r) {
        return code(r.type()) + " " + code(r.name()) + (r.custom() ? "" : " (component)");
    }

    private static String changeBlock(ResourceChange change) {
        var md = new StringBuilder("\n**").append(describe(change.resource())).append("**\n\n");
        var lines = new java.util.ArrayList<String>();
        change.inputs().forEach(c -> lines.add(changeLine(c, "")));
        change.options().forEach(c -> lines.add(changeLine(c, c.path().equals("provider") || c.path().equals("parent")
                ? "" : "option ")));
        change.dependenciesAdded().forEach(d -> lines.add("dependency added: " + dependency(d)));
        change.dependenciesRemoved().forEach(d -> lines.add("dependency removed: " + dependency(d)));
        for (int i = 0; i < Math.min(lines.size(), MAX_CHANGES_PER_RESOURCE); i++) {
            md.append("- ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > MAX_CHANGES_PER_RESOURCE) {
            md.append("- _... and ").append(lines.size() - MAX_CHANGES_PER_RESOURCE).append(" more_\n");
        }
        return md.toString();
    }

    private static String dependency(String described) {
        var space = described.indexOf(' ');
        return space < 0 ? code(described) : code(described.substring(0, space)) + " " + code(described.substring(space + 1));
    }

    private static void changeLines(StringBuilder md, List<Change> changes, String prefix) {
        for (int i = 0; i < Math.min(changes.size(), MAX_CHANGES_PER_RESOURCE); i++) {
            md.append("- ").append(changeLine(changes.get(i), prefix)).append('\n');
        }
        if (changes.size() > MAX_CHANGES_PER_RESOURCE) {
            md.append("- _... and ").append(changes.size() - MAX_CHANGES_PER_RESOURCE).append(" more_\n");
        }
    }

    static String changeLine(Change change, String prefix) {
        var values = shorten(value(change.before()), value(change.after()));
        return prefix + code(change.path()) + ": " + code(values[0]) + ARROW + code(values[1]);
    }

    /** A value as shown: compact JSON, strings quoted, the secret placeholder bare, "(none)" when absent. */
    static String value(@Nullable JsonElement element) {
        if (element == null) {
            return "(none)";
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() && Plan.SECRET_PLACEHOLDER.equals(element.getAsString())) {
            return Plan.SECRET_PLACEHOLDER;
        }
        return GSON.toJson(element);
    }

    /**
     * Shortens two values for one line: short ones stay; of long ones, the part where they differ is kept with
     * {@value #CONTEXT} characters around it, the rest elided with "…".
     */
    static String[] shorten(String before, String after) {
        if (before.length() <= MAX_VALUE && after.length() <= MAX_VALUE) {
            return new String[]{before, after};
        }
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new String[]{window(before, prefix, suffix), window(after, prefix, suffix)};
    }

    private static String window(String value, int prefix, int suffix) {
        if (value.length() <= MAX_VALUE) {
            return value;
        }
        var start = prefix > CONTEXT ? "…" + value.substring(prefix - CONTEXT, prefix) : value.substring(0, prefix);
        var middle = value.substring(prefix, value.length() - suffix);
        if (middle.length() > MAX_VALUE) {
            middle = middle.substring(0, MAX_VALUE - 1) + "…";
        }
        var tail = value.substring(value.length() - suffix);
        var end = suffix > CONTEXT ? tail.substring(0, CONTEXT) + "…" : tail;
        return start + middle + end;
    }

    /** Inline code that survives backticks in the value. */
    static String code(String text) {
        var oneLine = text.replace("\r", "").replace('\n', ' ');
        return oneLine.contains("`") ? "`` " + oneLine + " ``" : "`" + oneLine + "`";
    }
}
