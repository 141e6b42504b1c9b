package com.ztplatform.stack.plan;

import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;

import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.stack.Main;
import com.ztplatform.stack.PlatformProgram;
import com.ztplatform.stack.config.ConfigException;
import com.ztplatform.stack.config.MapConfigSource;
import com.ztplatform.stack.config.StackConfigLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code plan STACK}: validates the stack's configuration, runs the real program on Pulumi's test monitor and writes
 * plan.json, tree.txt, topology.md, egress.md and the reports (compliance.md, azure-policy.md,
 * cost.md, deploy.md) under {@code plan/STACK/}. When Node is on PATH and the policy pack
 * is built, it then evaluates the plan with the pack. The options, the help and the usage errors come from this
 * class's picocli definition (see {@link com.ztplatform.stack.Main}).
 */
@Command(name = "plan",
        header = "Writes the offline plan of a stack to plan/STACK/ (no cloud, no Pulumi CLI).",
        description = {
                "Validates the configuration of stack STACK (Pulumi.STACK.yaml), runs the real program offline on "
                        + "Pulumi's test monitor (no cloud, no Pulumi CLI) and writes plan.json, tree.txt, topology.md "
                        + "egress.md and the reports compliance.md, cost.md, deploy.md and azure-policy.md to plan/STACK/. Then, when Node is on PATH and the policy pack is built, "
                        + "evaluates the plan with the zero-trust policy pack."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:plan written, no mandatory policy violation",
                "1:configuration or program errors (listed, no stack trace), or mandatory policy violations",
                "2:usage error"},
        usageHelpWidth = 100)
public final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK", description = "the stack to plan, like dev or prod")
    private String stack;

    @Option(names = "--out", paramLabel = "DIR", description = "write the plan files to DIR instead of plan/STACK/")
    private Path outDir;

    @Option(names = "--root", paramLabel = "PROJECT_DIR",
            description = "the project directory (with Pulumi.yaml); default: found from the working directory up")
    private Path rootDir;

    @Option(names = "--no-policy", description = "do not evaluate the plan with the policy pack")
    private boolean noPolicy;

    @Option(names = "--diff", paramLabel = "BASE_PLAN_JSON",
            description = "also compare with an earlier plan.json; the difference goes to diff.md")
    private Path diffBase;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;

    private PlanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The {@code plan} command on its own, printing to the given streams (also the subcommand of Main).
     *
     * @param out standard output
     * @param err standard error
     * @return the command line
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        var cli = new CommandLine(new PlanCommand(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli;
    }

    /**
     * Runs {@code plan} with its arguments (without the word {@code plan}).
     *
     * @param args the stack and options
     * @param out  standard output
     * @param err  standard error
     * @return the exit code (see the command's exit codes)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Main.execute(commandLine(out, err), args);
    }

    @Override
    public Integer call() {
        var rootDir = this.rootDir != null ? this.rootDir : Path.of("");
        boolean policy = !noPolicy;
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
                    + "/{plan.json,tree.txt,topology.md,egress.md,compliance.md,cost.md,deploy.md,azure-policy.md}");
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

    /**
     * Writes the plan files; identical plans give byte-identical files.
     *
     * @param dir  the output directory, created when missing
     * @param plan the plan
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, Plan plan) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.json"), plan.toJson(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tree.txt"), TreeView.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("topology.md"), TopologyView.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("egress.md"), EgressView.render(plan), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RoleAssignmentsView.FILE), RoleAssignmentsView.render(plan), StandardCharsets.UTF_8);
        com.ztplatform.stack.reports.Reports.write(dir,
                com.google.gson.JsonParser.parseString(plan.toJson()).getAsJsonObject());
    }
}
