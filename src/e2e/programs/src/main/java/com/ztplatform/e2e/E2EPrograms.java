package com.ztplatform.e2e;

import com.pulumi.Pulumi;
import com.ztplatform.components.contract.example.ConsumerProgram;

/**
 * The programs the engine end-to-end run deploys besides the platform itself, chosen by the Pulumi project
 * that runs this jar: {@code zt-consumer} is the documented example consumer (another team's program reading
 * the platform through {@code PlatformStackReference}); {@code zt-sim-scenarios} are the simulator's rule
 * scenarios.
 */
public final class E2EPrograms {
    private E2EPrograms() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            switch (ctx.projectName()) {
                case "zt-consumer" -> ConsumerProgram.define(ctx);
                case "zt-sim-scenarios" -> {
                    if (ctx.config().get("scenario").orElse("").equals("fake-platform")) {
                        // A stack that claims another output contract version, to show the consumer refusing it.
                        ctx.export("contractVersion", com.pulumi.core.Output.of("0"));
                    } else {
                        Scenarios.define(ctx);
                    }
                }
                default -> throw new IllegalStateException("no e2e program for project " + ctx.projectName());
            }
        });
    }
}
