package com.ztplatform.stack.plan.diff;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.SharedPlans;
import com.ztplatform.stack.plan.PlanCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff of the real dev plan (the shared fixture) against mutated copies of it; one run goes through
 * {@code plan dev --diff BASE} to show the command's exit code and output.
 */
class PlanDiffRealPlanIT {
    @TempDir
    static Path tmp;
    static JsonObject devPlan;

    record Run(int exit, String out, String err) {
    }

    static Run plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void planDev() throws IOException {
        devPlan = JsonParser.parseString(Files.readString(SharedPlans.files("dev").resolve("plan.json"))).getAsJsonObject();
    }

    /** What {@code plan dev --diff BASE --out DIR} writes and prints after the plan, from the shared dev plan. */
    static String diff(String dir, Path base) throws IOException {
        var head = tmp.resolve(dir);
        Files.createDirectories(head);
        Files.copy(SharedPlans.files("dev").resolve("plan.json"), head.resolve("plan.json"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PlanDiffReport.write("dev", base, head, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject named(JsonObject plan, String name) {
        for (var r : plan.getAsJsonArray("resources")) {
            if (r.getAsJsonObject().get("name").getAsString().equals(name)) {
                return r.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no resource " + name);
    }

    @Test
    void theDiffAgainstAMutatedBaseListsExactlyTheMutations() throws IOException {
        // The base (say, main) differs from this plan in three ways.
        var base = devPlan.deepCopy();
        named(base, "kv-vault").getAsJsonObject("inputs").getAsJsonObject("properties").getAsJsonObject("networkAcls")
                .addProperty("defaultAction", "Allow");
        named(base, "hub-vnet").getAsJsonObject("options").addProperty("protect", true);
        var resources = base.getAsJsonArray("resources");
        resources.remove(named(base, "hub-zone-privatelink-openai-azure-com"));
        base.getAsJsonObject("outputs").addProperty("firewallPrivateIp", "10.10.0.68");
        var basePath = tmp.resolve("base.json");
        Files.writeString(basePath, new GsonBuilder().setPrettyPrinting().create().toJson(base));

        var printed = diff("head", basePath);

        var markdown = Files.readString(tmp.resolve("head/diff.md"));
        assertThat(printed).endsWith(markdown);
        var resourceCount = devPlan.getAsJsonArray("resources").size();
        assertThat(markdown)
                .startsWith("<!-- zt-plan-diff:dev -->\n### Offline plan diff: `dev`\n\n")
                .contains("**1 to add, 2 to change, 0 to remove**, " + (resourceCount - 3) + " unchanged (base "
                        + (resourceCount - 1) + " resources, this plan " + resourceCount + ")")
                .contains("#### Added (1)\n\n- `azure-native:network:PrivateZone` `hub-zone-privatelink-openai-azure-com`\n")
                .contains("**`azure-native:keyvault:Vault` `kv-vault`**\n\n"
                        + "- `properties.networkAcls.defaultAction`: `\"Allow\"` → `\"Deny\"`\n")
                .contains("**`azure-native:network:VirtualNetwork` `hub-vnet`**\n\n- option `protect`: `true` → `false`\n")
                .contains("- `firewallPrivateIp`: `\"10.10.0.68\"` → `\"10.10.0.4\"`")
                .doesNotContain("different stacks");
    }

    @Test
    void theSamePlanHasNoChangesAndAnUnreadableBaseDoesNotChangeTheExitCode() throws IOException {
        diff("same", SharedPlans.files("dev").resolve("plan.json"));
        assertThat(Files.readString(tmp.resolve("same/diff.md"))).contains("**No changes.**");

        var garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "{ not json");
        var broken = plan("dev", "--no-policy", "--out", tmp.resolve("broken").toString(), "--diff", garbage.toString());
        assertThat(broken.exit()).isZero();
        assertThat(broken.err()).contains("--diff:");
        assertThat(Files.readString(tmp.resolve("broken/diff.md"))).contains("> Could not compare with the base plan");

        diff("new", tmp.resolve("nowhere/plan.json"));
        assertThat(Files.readString(tmp.resolve("new/diff.md")))
                .contains("everything counts as added")
                .contains("**" + devPlan.getAsJsonArray("resources").size() + " to add, 0 to change, 0 to remove**");
    }
}
