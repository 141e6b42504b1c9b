package com.ztplatform.components.offline;

import com.pulumi.Context;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs a small program on the Azure mocks and returns what it registered. */
public final class MockRun {
    private MockRun() {
    }

    public static Plan run(Consumer<Context> program) {
        return PlanRunner.run(new PlanRunner.StackInput("test", "test", Map.of(), Set.of()), new AzureMocks(), program);
    }
}
