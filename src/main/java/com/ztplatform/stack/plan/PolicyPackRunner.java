package com.ztplatform.stack.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates a written plan with the TypeScript policy pack's offline runner (the same policy objects
 * {@code pulumi preview --policy-pack policy-pack} loads), when Node and the built pack are present.
 */
final class PolicyPackRunner {
    static final String CLI = "policy-pack/dist/src/offline/cli.js";

    private PolicyPackRunner() {
    }

    /** @return 0 when there is no mandatory violation (or the pack cannot run here), 1 otherwise */
    static int evaluate(Path root, Path planJson, PrintStream out, PrintStream err) {
        var cli = root.resolve(CLI);
        if (!nodeAvailable()) {
            out.println("policy pack: Node is not on PATH, evaluation skipped (install Node 20 to evaluate the plan)");
            return 0;
        }
        if (!Files.isRegularFile(cli)) {
            out.println("policy pack: not built, evaluation skipped (cd policy-pack && npm ci && npm run build)");
            return 0;
        }
        try {
            var process = new ProcessBuilder("node", cli.toString(), root.relativize(planJson.toAbsolutePath()).toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                err.println("policy pack: evaluation timed out");
                return 1;
            }
            out.print(output);
            return switch (process.exitValue()) {
                case 0 -> 0;
                case 1 -> {
                    err.println("policy pack: mandatory violations in " + root.relativize(planJson.toAbsolutePath()));
                    yield 1;
                }
                default -> {
                    err.println("policy pack: the evaluator failed (exit " + process.exitValue() + ")");
                    yield 1;
                }
            };
        } catch (IOException e) {
            err.println("policy pack: could not run node: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static boolean nodeAvailable() {
        try {
            var process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
