package com.ztplatform.stack;

import com.pulumi.Pulumi;
import com.ztplatform.stack.plan.PlanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The jar's command line: one picocli definition gives the parsing, {@code --help}, the usage errors and the usage
 * block in {@code src/README.md} (checked by a test), so they cannot drift apart.
 *
 * <p>One jar, two jobs: without arguments it is the Pulumi program (what {@code pulumi up} runs); with
 * {@code plan STACK} it runs the same program offline on Pulumi's test monitor and writes {@code plan/STACK/}.
 */
@Command(name = "zt-platform",
        description = {
                "Without arguments: the Pulumi program of the zero-trust Databricks platform, as `pulumi preview` "
                        + "and `pulumi up` run it (the stack and its configuration come from the Pulumi CLI).",
                "With a command: an offline tool of the same program."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the command failed (see its own exit codes)",
                "2:usage error (an unknown command or option)"},
        usageHelpWidth = 100)
public final class Main implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private Main() {
    }

    /** Runs the Pulumi program under the engine that started this process; {@code Pulumi.run} exits the JVM. */
    @Override
    public void run() {
        Pulumi.run(PlatformProgram::run);
    }

    /**
     * The jar's entry point: the Pulumi program without arguments, the command line with them; exits with the
     * command's code.
     *
     * @param args none under the Pulumi engine, or a command and its options, like {@code plan dev}
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            // The path the Pulumi engine takes: no command-line parsing in front of the program.
            new Main().run();
            return;
        }
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Parses and runs {@code args}; help goes to {@code out}, usage errors with the usage text to {@code err}.
     *
     * @param args the command and its options, without the program name
     * @param out  standard output (help, results)
     * @param err  standard error (problems, usage errors)
     * @return the exit code: 0 success, 1 the command failed, 2 usage error
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(commandLine(out, err), args);
    }

    /**
     * Runs a command line and flushes its writers whatever happens, so a caller that exits right after (or reads
     * the streams, as the tests do) sees all of the output. The one way this program runs a picocli command.
     *
     * @param cli  the command line, with its output and error writers set
     * @param args the arguments, without the program name
     * @return the command's exit code
     */
    public static int execute(CommandLine cli, String[] args) {
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * The whole command tree, printing to the given streams (also what the README's usage block is generated from).
     *
     * @param out standard output
     * @param err standard error
     * @return the command line with its subcommands
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        var cli = new CommandLine(new Main());
        cli.addSubcommand("plan", PlanCommand.commandLine(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli;
    }
}
