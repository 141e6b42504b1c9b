package com.ztplatform.stack.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.ztplatform.stack.plan.PlanCommandRuns.REPO;
import static com.ztplatform.stack.plan.PlanCommandRuns.plan;
import static com.ztplatform.stack.plan.PlanCommandRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    @Test
    void badConfigExitsNonZeroListingEveryProblemWithoutAStackTrace(@TempDir Path tmp) throws IOException {
        Files.copy(REPO.resolve("Pulumi.yaml"), tmp.resolve("Pulumi.yaml"));
        Files.writeString(tmp.resolve("Pulumi.bad.yaml"), """
                config:
                  azure-native:location: westeurope
                  zt-databricks:environment: bad
                  zt-databricks:namePrefix: 9lives
                  zt-databricks:tags:
                    environment: bad
                    owner: me
                  zt-databricks:hub:
                    addressSpace: 10.0.0.0/33
                """);
        var run = plan("bad", "--root", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("stack configuration has 5 problems:")
                .contains("zt-databricks:keyVault is required")
                .contains("zt-databricks:namePrefix")
                .contains("zt-databricks:tags.costCenter is a mandatory tag")
                .contains("zt-databricks:tags.dataClassification is a mandatory tag")
                .contains("zt-databricks:hub.addressSpace must be an IPv4 CIDR")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void unknownStackNamesTheStacksThatExist() {
        var run = plan("staging");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no stack file Pulumi.staging.yaml").contains("dev").contains("prod");
    }

    @Test
    void usageErrorsExitTwoNamingTheProblemAndPrintTheUsageWithoutRunningAnything() {
        var cases = java.util.Map.of(
                new String[]{}, "Missing required parameter: 'STACK'",
                new String[]{"dev", "--bogus"}, "Unknown option: '--bogus'",
                new String[]{"dev", "prod"}, "Unmatched argument at index 1: 'prod'",
                new String[]{"dev", "--out"}, "Missing required parameter for option '--out' (DIR)",
                new String[]{"dev", "--diff"}, "Missing required parameter for option '--diff' (BASE_PLAN_JSON)",
                new String[]{"dev", "--root"}, "Missing required parameter for option '--root' (PROJECT_DIR)");
        cases.forEach((args, problem) -> {
            var run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith(problem)
                    .contains(PlanCommand.commandLine(System.out, System.err).getUsageMessage());
            assertThat(run.out()).isEmpty();
        });
    }

    @Test
    void helpPrintsTheUsageToStandardOutputAndExitsZero() {
        var run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(PlanCommand.commandLine(System.out, System.err).getUsageMessage())
                .startsWith("Writes the offline plan of a stack to plan/STACK/").contains("Usage: plan [-h] [--no-policy] [--diff=BASE_PLAN_JSON] [--out=DIR] [--root=PROJECT_DIR] STACK")
                .contains("Exit codes:");
    }

    @Test
    void rootPointsTheCommandAtAnotherProject(@TempDir Path tmp) throws IOException {
        Files.copy(REPO.resolve("Pulumi.yaml"), tmp.resolve("Pulumi.yaml"));
        var run = plan("dev", "--root", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no stack file Pulumi.dev.yaml");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void programErrorsAreShownWithoutPidPathsOrJavaClassNames() {
        var raw = "Running program [PID: 14178](/usr/lib/jvm/java-17/bin/java -jar /work/x/surefirebooter.jar) failed "
                + "with an unhandled exception:\njava.lang.IllegalArgumentException: DatabricksSpoke 'spoke-a': storageSku "
                + "must be one of Standard_LRS\n\tat com.ztplatform.components.databricks.DatabricksSpoke.<init>(X.java:1)";
        assertThat(PlanCommand.readable(raw)).isEqualTo("DatabricksSpoke 'spoke-a': storageSku must be one of Standard_LRS");
        assertThat(PlanCommand.readable("Running program [PID: 1](/bin/java) failed with an unhandled exception:\n"
                + "java.lang.NullPointerException\n\tat java.base/java.util.Objects.requireNonNull(Objects.java:209)"))
                .isEqualTo("the program stopped on an internal error (a bug: please report it with the stack file)");
    }
}
