package com.ztplatform.stack.plan;

import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;

import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.stack.PlatformProgram;
import com.ztplatform.stack.config.ConfigException;
import com.ztplatform.stack.config.MapConfigSource;
import com.ztplatform.stack.config.StackConfigLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code plan <stack> [--out DIR] [--root PROJECT_DIR]}: validates the stack's configuration, runs the real program on Pulumi's
 * test monitor and writes plan.json, tree.txt, topology.md, egress.md and the reports (compliance.md, cost.md,
 * deploy.md) under {@code plan/<stack>/}.
 * When Node is on PATH and the policy pack is built, it then evaluates the plan with the pack.
 * Exit codes: 0 written (and no mandatory policy violation); 1 configuration or program errors (listed, no
 * stack trace) or mandatory policy violations; 2 usage.
 */
public final class PlanCommand {
    private PlanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String stack = null;
        Path outDir = null;
        Path rootDir = Path.of("");
        boolean policy = true;
        Path diffBase = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--out needs a directory");
                    }
                    outDir = Path.of(args[++i]);
                }
                case "--no-policy" -> policy = false;
                case "--diff" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--diff needs the base plan.json");
                    }
                    diffBase = Path.of(args[++i]);
                }
                case "--root" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--root needs a directory");
                    }
                    rootDir = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-") || stack != null) {
                        return usage(err, "unexpected argument '" + args[i] + "'");
                    }
                    stack = args[i];
                }
            }
        }
        if (stack == null) {
            return usage(err, "which stack? like: plan dev");
        }
        try {
            var root = StackFiles.findProjectRoot(rootDir);
            var input = StackFiles.read(root, stack);
            StackConfigLoader.load(input.project(), new MapConfigSource(input.config(), input.secretKeys()));
            var plan = PlanRunner.run(input, new AzureMocks(), PlatformProgram::run);
            if (!plan.errors().isEmpty()) {
                err.println("plan " + stack + ": the program failed:");
                plan.errors().stream().map(PlanCommand::readable).distinct().forEach(e -> err.println("  - " + e));
                return 1;
            }
            var dir = outDir != null ? outDir : root.resolve("plan").resolve(stack);
            write(dir, plan);
            long custom = plan.resources().stream().filter(Plan.PlanResource::custom).count();
            out.println("plan " + stack + ": " + plan.resources().size() + " resources (" + custom
                    + " cloud resources) -> " + root.relativize(dir.toAbsolutePath().normalize())
                    + "/{plan.json,tree.txt,topology.md,egress.md,compliance.md,cost.md,deploy.md}");
            plan.diagnostics().forEach(d -> out.println("  " + d));
            int exit = policy ? PolicyPackRunner.evaluate(root, dir.resolve("plan.json"), out, err) : 0;
            if (diffBase != null) {
                com.ztplatform.stack.plan.diff.PlanDiffReport.write(stack, diffBase, dir, out, err);
            }
            return exit;
        } catch (ConfigException e) {
            err.println("plan " + stack + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("plan " + stack + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // The promise is a list of problems, never a stack trace; an error that reaches here is a bug.
            err.println("plan " + stack + ": unexpected error, please report it: " + e.getMessage());
            return 1;
        }
    }

    private static final java.util.regex.Pattern RUNNING_PROGRAM = java.util.regex.Pattern.compile(
            "Running program \\[PID: \\d+\\]\\([^)]*\\) failed with an unhandled exception:\\s*");
    private static final java.util.regex.Pattern EXCEPTION_CLASS = java.util.regex.Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /**
     * A program error as a user should read it: the engine's wrapper (process id, command line with absolute
     * paths) and Java stack frames and class names removed; what remains is the component's own message.
     */
    static String readable(String error) {
        var firstLines = error.lines().filter(l -> !l.stripLeading().startsWith("at ") && !l.stripLeading().startsWith("..."))
                .map(String::strip).filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
        var text = EXCEPTION_CLASS.matcher(RUNNING_PROGRAM.matcher(firstLines).replaceAll("")).replaceAll("").strip();
        return text.isEmpty() ? "the program stopped on an internal error (a bug: please report it with the stack file)"
                : text;
    }

    /** Writes the plan files; identical plans give byte-identical files. */
    public static void write(Path dir, Plan plan) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.json"), plan.toJson(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tree.txt"), TreeView.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("topology.md"), TopologyView.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("egress.md"), EgressView.render(plan), StandardCharsets.UTF_8);
        com.ztplatform.stack.reports.Reports.write(dir,
                com.google.gson.JsonParser.parseString(plan.toJson()).getAsJsonObject());
    }

    private static int usage(PrintStream err, String problem) {
        err.println("plan: " + problem);
        err.println("usage: plan <stack> [--out DIR] [--root PROJECT_DIR] [--no-policy] [--diff BASE_PLAN_JSON]");
        return 2;
    }
}
