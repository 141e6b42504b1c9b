package com.ztplatform.stack.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** The fixture PlanCommandTest and PlanCommandIT share: the repository root and one captured run of the command. */
final class PlanCommandRuns {
    /** The project directory of this checkout (with Pulumi.yaml), found from the working directory up. */
    static final Path REPO = locateRepo();

    private PlanCommandRuns() {
    }

    private static Path locateRepo() {
        try {
            return StackFiles.findProjectRoot(Path.of(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one run of the command gave: its exit code and everything it printed. */
    record Run(int exit, String out, String err) {
    }

    /** Runs the plan command without the policy pack, so the result does not depend on a built pack. */
    static Run plan(String... args) {
        var withFlag = Arrays.copyOf(args, args.length + 1);
        withFlag[args.length] = "--no-policy";
        return run(withFlag);
    }

    /** Runs the plan command with exactly {@code args} (without the word {@code plan}), capturing both streams. */
    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
