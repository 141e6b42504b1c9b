package com.ztplatform.stack;

import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import com.ztplatform.stack.plan.PlanCommand;
import com.ztplatform.stack.plan.StackFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The plans of the repository's own stacks ({@code Pulumi.dev.yaml}, {@code Pulumi.prod.yaml}), each computed once
 * per test JVM and shared by every integration test that reads them, instead of each test class running the whole
 * program again. Tests must treat the plans as read-only (copy the JSON before changing it).
 */
public final class SharedPlans {
    private static final Map<String, Plan> PLANS = new HashMap<>();
    private static final Map<String, Path> FILES = new HashMap<>();

    private SharedPlans() {
    }

    /** The project root (the directory with {@code Pulumi.yaml}). */
    public static Path root() {
        try {
            return StackFiles.findProjectRoot(Path.of(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan of the committed stack file; fails when the program reported errors. */
    public static synchronized Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> {
            try {
                var plan = PlanRunner.run(StackFiles.read(root(), s), new AzureMocks(), PlatformProgram::run);
                if (!plan.errors().isEmpty()) {
                    throw new IllegalStateException("the " + s + " stack's program failed: " + plan.errors());
                }
                return plan;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The directory holding that plan's files ({@code plan.json}, {@code tree.txt}, {@code topology.md},
     * {@code egress.md}), written once by the plan command's own writer under {@code target/shared-plans/}.
     */
    public static synchronized Path files(String stack) {
        var plan = plan(stack);
        return FILES.computeIfAbsent(stack, s -> {
            var dir = Path.of("target", "shared-plans", s).toAbsolutePath();
            try {
                PlanCommand.write(dir, plan);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        });
    }
}
