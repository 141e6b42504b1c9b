package com.ztplatform.stack.bench;

import com.pulumi.Context;
import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import com.ztplatform.stack.PlatformProgram;
import com.ztplatform.stack.plan.StackFiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Benchmark of the offline plan (not a test: numbers depend on the machine).
 *
 * <p>In one JVM it times, after warm-up, an empty program (the cost of Pulumi's test monitor itself) and the
 * dev and prod stacks, then reports the program's own overhead per resource: (stack - empty) / resources.
 * The first (cold) run of each is reported separately because it includes class loading.
 *
 * <pre>java -cp src/target/zt-platform.jar com.ztplatform.stack.bench.PlanBenchmark [iterations]</pre>
 */
public final class PlanBenchmark {
    private PlanBenchmark() {
    }

    record Result(String name, int resources, double coldMs, List<Double> warmMs) {
        double median() {
            var sorted = new ArrayList<>(warmMs);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return Collections.min(warmMs);
        }
    }

    /**
     * Plans dev and prod repeatedly in one JVM and prints the cold and warm times (used by {@code .ci/bench-verify}).
     *
     * @param args the number of warm iterations (default 15)
     * @throws IOException when the stack files cannot be read
     */
    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        var root = StackFiles.findProjectRoot(Path.of(""));
        var empty = new PlanRunner.StackInput("zt-databricks", "empty", Map.of(), Set.of());
        var dev = StackFiles.read(root, "dev");
        var prod = StackFiles.read(root, "prod");

        var results = List.of(
                measure("empty program (baseline)", empty, ctx -> { }, iterations),
                measure("plan dev", dev, PlatformProgram::run, iterations),
                measure("plan prod", prod, PlatformProgram::run, iterations));
        var baseline = results.get(0).median();

        System.gc();
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("Offline plan benchmark: %d warm iterations after 1 cold run, JVM %s, %d cores%n",
                iterations, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-26s %9s %9s %11s %10s %16s%n", "run", "resources", "cold ms", "median ms", "min ms",
                "overhead/res ms");
        for (var r : results) {
            var perResource = r.resources() == 0 ? "-" : String.format("%.3f", (r.median() - baseline) / r.resources());
            System.out.printf("%-26s %9d %9.1f %11.1f %10.1f %16s%n", r.name(), r.resources(), r.coldMs(), r.median(),
                    r.min(), perResource);
        }
        System.out.printf("heap live after GC: %d MiB of %d MiB committed%n", memory.getUsed() >> 20,
                memory.getCommitted() >> 20);
    }

    private static Result measure(String name, PlanRunner.StackInput input, Consumer<Context> program, int iterations) {
        long start = System.nanoTime();
        var plan = PlanRunner.run(input, new AzureMocks(), program);
        double cold = (System.nanoTime() - start) / 1e6;
        check(name, plan);
        var warm = new ArrayList<Double>();
        for (int i = 0; i < 3 + iterations; i++) {
            start = System.nanoTime();
            plan = PlanRunner.run(input, new AzureMocks(), program);
            // Rendering is part of the plan command's cost.
            plan.toJson();
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 3) {
                warm.add(ms);
            }
        }
        return new Result(name, plan.resources().size(), cold, warm);
    }

    private static void check(String name, Plan plan) {
        if (!plan.errors().isEmpty()) {
            throw new IllegalStateException(name + " failed: " + plan.errors());
        }
    }
}
