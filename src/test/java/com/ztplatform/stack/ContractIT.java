package com.ztplatform.stack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.components.contract.ContractPin;
import com.ztplatform.components.contract.OutputContract;
import com.ztplatform.components.contract.OutputContract.Kind;
import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import com.ztplatform.stack.plan.StackFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real dev and prod stacks publish exactly the output contract other teams build on: every required
 * output with its shape, nothing outside the contract, no secret, and every output of the contract version's
 * golden file.
 */
class ContractIT {
    /** Output names that look like they carry a secret. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw|pwd|token|credential|connectionstring|sastoken|sasurl|accesskey|apikey|privatekey|"
                    + "sharedkey|primarykey|secondarykey|masterkey|clientkey).*");

    private static Path root;
    private static Map<String, Plan> plans;

    @BeforeAll
    static void plan() {
        root = SharedPlans.root();
        plans = Map.of("dev", SharedPlans.plan("dev"), "prod", SharedPlans.plan("prod"));
        plans.forEach((stack, plan) -> assertThat(plan.errors()).as(stack + " program errors").isEmpty());
    }

    @Test
    void everyRequiredContractOutputIsPresentWithItsShape() {
        var problems = new ArrayList<String>();
        plans.forEach((stack, plan) -> {
            for (var output : OutputContract.OUTPUTS) {
                var value = plan.outputs().get(output.name());
                if (value == null) {
                    if (output.required()) {
                        problems.add(stack + ": required output '" + output.name() + "' is missing");
                    }
                    continue;
                }
                shapeProblems(stack + ": " + output.name(), output.kind(), value, problems);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theContractVersionOutputIsTheContractsVersion() {
        plans.forEach((stack, plan) -> assertThat(plan.outputs().get(OutputContract.CONTRACT_VERSION).getAsString())
                .as(stack).isEqualTo(OutputContract.VERSION));
    }

    @Test
    void noOutputIsOutsideTheContract() {
        plans.forEach((stack, plan) -> assertThat(plan.outputs().keySet())
                .as(stack + ": outputs not in OutputContract.OUTPUTS (add them there, with a description)")
                .allMatch(name -> OutputContract.output(name).isPresent()));
    }

    @Test
    void noOutputIsASecretOrNamedLikeOne() {
        plans.forEach((stack, plan) -> {
            var secrets = new ArrayList<String>();
            findSecrets("", plan.outputs(), secrets);
            assertThat(secrets).as(stack + ": outputs holding a secret").isEmpty();
            var names = new ArrayList<>(plan.outputs().keySet());
            var spokes = plan.outputs().getAsJsonObject(OutputContract.SPOKES);
            if (spokes != null) {
                spokes.entrySet().forEach(s -> names.addAll(s.getValue().getAsJsonObject().keySet()));
            }
            assertThat(names).as(stack + ": output names that look like secrets").noneMatch(n -> SECRET_NAME.matcher(n).matches());
        });
        assertThat(SECRET_NAME.matcher("workspaceAdminToken").matches()).isTrue();
        assertThat(SECRET_NAME.matcher("keyVaultUri").matches()).isFalse();
    }

    /** The golden file of the current contract version pins its outputs: none may disappear from the stacks. */
    @Test
    void theStacksPublishEveryOutputOfTheGoldenFile() throws IOException {
        var file = goldenDir().resolve(ContractPin.goldenFileName(OutputContract.VERSION));
        assertThat(file).as("golden file of output contract v" + OutputContract.VERSION).exists();
        var golden = ContractPin.parse(Files.readString(file));
        var next = ContractPin.nextVersion(OutputContract.VERSION);
        var problems = new ArrayList<String>();
        plans.forEach((stack, plan) -> {
            for (var entry : golden) {
                if (entry.name().startsWith(ContractPin.SPOKE_FIELD_PREFIX)) {
                    var field = entry.name().substring(ContractPin.SPOKE_FIELD_PREFIX.length());
                    var spokes = plan.outputs().getAsJsonObject(OutputContract.SPOKES);
                    if (spokes != null) {
                        spokes.entrySet().forEach(s -> {
                            var value = s.getValue().getAsJsonObject().get(field);
                            if (value == null) {
                                problems.add(stack + ": spoke '" + s.getKey() + "' has no '" + field + "'");
                            } else {
                                shapeProblems(stack + ": spokes." + s.getKey() + "." + field, entry.kind(), value, problems);
                            }
                        });
                    }
                    continue;
                }
                var value = plan.outputs().get(entry.name());
                if (value == null) {
                    if (entry.required()) {
                        problems.add(stack + ": output '" + entry.name() + "' is missing (removed or renamed?)");
                    }
                } else {
                    shapeProblems(stack + ": " + entry.name(), entry.kind(), value, problems);
                }
            }
        });
        assertThat(problems).as("outputs of output contract v" + OutputContract.VERSION + " (" + file.getFileName()
                + ") the stacks no longer publish as pinned. Other teams read them: keep them, or bump "
                + "OutputContract.VERSION to \"" + next + "\" and add " + ContractPin.goldenFileName(next)).isEmpty();
    }

    /** The outputs the client's tests use as a realistic platform stack still match the contract. */
    @Test
    void theClientTestFixtureMatchesTheContract() throws IOException {
        var fixture = JsonParser.parseString(Files.readString(goldenDir().resolve("platform-outputs-v1.json")))
                .getAsJsonObject();
        var problems = new ArrayList<String>();
        for (var output : OutputContract.OUTPUTS) {
            var value = fixture.get(output.name());
            if (value == null) {
                if (output.required()) {
                    problems.add("fixture lacks required output " + output.name());
                }
            } else {
                shapeProblems("fixture " + output.name(), output.kind(), value, problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(new HashSet<>(fixture.keySet())).allMatch(name -> OutputContract.output(name).isPresent());
    }

    private static Path goldenDir() {
        return root.resolve("components/src/test/resources/contract");
    }

    static void shapeProblems(String what, Kind kind, JsonElement value, List<String> problems) {
        switch (kind) {
            case STRING -> {
                if (!isString(value)) {
                    problems.add(what + " should be a string, is " + value);
                }
            }
            case STRING_LIST -> {
                if (!value.isJsonArray() || !value.getAsJsonArray().asList().stream().allMatch(ContractIT::isString)) {
                    problems.add(what + " should be an array of strings, is " + value);
                }
            }
            case STRING_MAP -> {
                if (!value.isJsonObject() || !value.getAsJsonObject().asMap().values().stream().allMatch(ContractIT::isString)) {
                    problems.add(what + " should be an object of strings, is " + value);
                }
            }
            case SPOKE_MAP -> {
                if (!value.isJsonObject()) {
                    problems.add(what + " should be an object of spokes, is " + value);
                    return;
                }
                value.getAsJsonObject().entrySet().forEach(spoke -> {
                    if (!spoke.getValue().isJsonObject()) {
                        problems.add(what + "." + spoke.getKey() + " should be an object, is " + spoke.getValue());
                        return;
                    }
                    JsonObject fields = spoke.getValue().getAsJsonObject();
                    if (!fields.keySet().equals(new HashSet<>(OutputContract.SPOKE_FIELDS))) {
                        problems.add(what + "." + spoke.getKey() + " has fields " + fields.keySet() + ", the contract says "
                                + OutputContract.SPOKE_FIELDS);
                    }
                    fields.entrySet().forEach(f -> {
                        var fieldKind = OutputContract.SPOKE_FIELD_KINDS.get(f.getKey());
                        if (fieldKind != null) {
                            shapeProblems(what + "." + spoke.getKey() + "." + f.getKey(), fieldKind, f.getValue(), problems);
                        }
                    });
                });
            }
        }
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static void findSecrets(String path, JsonElement value, List<String> found) {
        if (value.isJsonObject()) {
            value.getAsJsonObject().entrySet().forEach(e -> findSecrets(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), found));
        } else if (value.isJsonArray()) {
            var array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                findSecrets(path + "[" + i + "]", array.get(i), found);
            }
        } else if (isString(value) && Plan.SECRET_PLACEHOLDER.equals(value.getAsString())) {
            found.add(path);
        }
    }
}
