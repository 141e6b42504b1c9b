package com.ztplatform.stack.reports;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.plan.PlanCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small hand-built plans, and the real dev/prod plans planned once per JVM. */
final class TestPlans {
    private static final Map<String, JsonObject> REAL = new HashMap<>();

    private TestPlans() {
    }

    /** A plan.json (schema 1) of stack "t" holding the given resources. */
    static JsonObject plan(JsonObject... resources) {
        var plan = new JsonObject();
        plan.addProperty("schemaVersion", 1);
        plan.addProperty("project", "zt-databricks");
        plan.addProperty("stack", "t");
        var array = new JsonArray();
        for (var r : resources) {
            array.add(r);
        }
        plan.add("resources", array);
        plan.add("outputs", new JsonObject());
        plan.add("config", new JsonObject());
        return plan;
    }

    /** A custom resource; {@code inputs} is JSON text. */
    static JsonObject resource(String type, String name, String inputs) {
        var r = new JsonObject();
        r.addProperty("urn", "urn:pulumi:t::zt-databricks::" + type + "::" + name);
        r.addProperty("type", type);
        r.addProperty("name", name);
        r.addProperty("custom", true);
        r.addProperty("id", "/subscriptions/s/resourceGroups/rg/providers/x/" + name);
        r.add("inputs", JsonParser.parseString(inputs));
        r.add("dependencies", new JsonArray());
        r.add("propertyDependencies", new JsonObject());
        r.add("options", new JsonObject());
        return r;
    }

    static String urn(JsonObject r) {
        return r.get("urn").getAsString();
    }

    /** {@code waiter} waits for {@code on}: through an input when {@code input}, else through dependsOn. */
    static void dependsOn(JsonObject waiter, JsonObject on, boolean input) {
        waiter.getAsJsonArray("dependencies").add(urn(on));
        if (input) {
            var deps = new JsonArray();
            deps.add(urn(on));
            waiter.getAsJsonObject("propertyDependencies").add("x" + waiter.getAsJsonObject("propertyDependencies").size(), deps);
        }
    }

    static synchronized JsonObject real(String stack) {
        return REAL.computeIfAbsent(stack, s -> {
            try {
                var dir = Files.createTempDirectory("reports-" + s);
                var out = new ByteArrayOutputStream();
                var err = new ByteArrayOutputStream();
                int exit = PlanCommand.run(new String[]{s, "--no-policy", "--out", dir.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
                for (var f : new String[]{Reports.COMPLIANCE, Reports.COST, Reports.DEPLOY}) {
                    assertThat(dir.resolve(f)).as("the plan command writes " + f).isRegularFile();
                }
                return JsonParser.parseString(Files.readString(dir.resolve("plan.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static PlanModel realModel(String stack) {
        return PlanModel.parse(real(stack));
    }

    static Path root() {
        return Path.of("").toAbsolutePath();
    }
}
