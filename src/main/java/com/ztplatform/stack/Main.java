package com.ztplatform.stack;

import com.pulumi.Pulumi;
import com.ztplatform.stack.plan.PlanCommand;

import java.util.Arrays;

/**
 * One jar, two jobs: without arguments it is the Pulumi program (what {@code pulumi up} runs); with
 * {@code plan <stack>} it runs the same program offline on Pulumi's test monitor and writes plan/<stack>/.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Pulumi.run(PlatformProgram::run);
            return;
        }
        if ("plan".equals(args[0])) {
            System.exit(PlanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        System.err.println("usage: zt-platform                 run as the Pulumi program (pulumi preview / up)");
        System.err.println("       zt-platform plan <stack> [--out DIR]   write the offline plan to plan/<stack>/");
        System.exit(2);
    }
}
