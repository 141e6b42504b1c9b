package com.ztplatform.stack;

import com.ztplatform.stack.plan.PlanCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's command line: commands, help and usage errors (the Pulumi-program path, no arguments, is the e2e's). */
class MainTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String usage() {
        return Main.commandLine(System.out, System.err).getUsageMessage();
    }

    @Test
    void helpListsThePlanCommandAndTheExitCodes() {
        var run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(usage())
                .startsWith("Usage: zt-platform [-h] [COMMAND]")
                .contains("pulumi up")
                .containsPattern("(?m)^  plan +Writes the offline plan of a stack to plan/STACK/")
                .contains("Exit codes:");
    }

    @Test
    void anUnknownCommandOrOptionExitsTwoWithTheUsage() {
        for (var args : new String[][]{{"deploy"}, {"--verbose"}, {"plan-dev"}}) {
            var run = run(args);
            assertThat(run.exit()).as(args[0]).isEqualTo(2);
            // picocli prints the usage, or a suggestion instead of it when a command is close to what was typed.
            assertThat(run.err()).as(args[0]).contains("'" + args[0] + "'")
                    .satisfiesAnyOf(e -> assertThat(e).contains(usage()),
                            e -> assertThat(e).contains("Did you mean: zt-platform plan?"));
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void planIsTheSubcommandWithItsOwnHelpAndErrors() {
        var help = run("plan", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Writes the offline plan of a stack").contains("Usage: zt-platform plan [-h] [--no-policy]");
        var missing = run("plan");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required parameter: 'STACK'").contains("Usage: zt-platform plan ");
        var unknownStack = run("plan", "staging", "--no-policy");
        assertThat(unknownStack.exit()).isEqualTo(1);
        assertThat(unknownStack.err()).contains("no stack file Pulumi.staging.yaml");
        assertThat(PlanCommand.commandLine(System.out, System.err).getCommandName()).isEqualTo("plan");
    }
}
