package com.ztplatform.components.offline;

import com.pulumi.Context;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs a small program on the Azure mocks and returns what it registered. */
public final class MockRun {
    private MockRun() {
    }

    /**
     * A plan run once, on first use, and then shared by the tests of a class that read the same fixture: a mock
     * deployment of a hub, firewall and spoke costs about a second, and tests only read a plan.
     */
    public static Supplier<Plan> shared(Supplier<Plan> run) {
        return new Supplier<>() {
            private Plan plan;

            @Override
            public synchronized Plan get() {
                if (plan == null) {
                    plan = run.get();
                }
                return plan;
            }
        };
    }

    public static Plan run(Consumer<Context> program) {
        return PlanRunner.run(new PlanRunner.StackInput("test", "test", Map.of(), Set.of()), new AzureMocks(), program);
    }
}
