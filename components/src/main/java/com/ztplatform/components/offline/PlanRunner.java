package com.ztplatform.components.offline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program on Pulumi's test monitor with a stack's configuration and turns what it registered
 * into a {@link Plan}. This is the single wrapper around Pulumi's internal test API (there is no public way
 * to pass config to a test run).
 */
public final class PlanRunner {
    private PlanRunner() {
    }

    /**
     * What one stack hands to the program: full config keys ({@code project:key}) to raw values (JSON for
     * structured values), and which keys are secret.
     */
    public record StackInput(String project, String stack, Map<String, String> config, Set<String> secretKeys) {
        /**
         * Copies the collections.
         *
         * @param project    the project
         * @param stack      the stack
         * @param config     full key to raw value
         * @param secretKeys the secret full keys
         */
        public StackInput {
            config = Map.copyOf(config);
            secretKeys = Set.copyOf(secretKeys);
        }
    }

    /**
     * Runs the program; the returned plan lists resources sorted by URN, so it is the same on every run.
     *
     * @param input   the stack's project, name and configuration
     * @param mocks   what answers for the cloud, like {@link AzureMocks}
     * @param program the Pulumi program
     * @return the plan; program errors are in {@link Plan#errors()}, not thrown
     */
    public static Plan run(StackInput input, Mocks mocks, Consumer<Context> program) {
        var diagnostics = new ArrayList<String>();
        var logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue() && record.getMessage() != null) {
                    var level = record.getLevel() == Level.SEVERE ? "error: "
                            : record.getLevel() == Level.WARNING ? "warning: " : "info: ";
                    synchronized (diagnostics) {
                        diagnostics.add(level + record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        var monitorHolder = new RecordingMonitor[1];
        var log = PulumiTestInternal.mockLog(logger);
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(input.project()).stackName(input.stack())
                            .organizationName("organization").preview(false).build())
                    .mocks(mocks)
                    .standardLogger(logger)
                    .config(input.config(), input.secretKeys())
                    .monitorDecorator(original -> {
                        monitorHolder[0] = new RecordingMonitor(mocks, log);
                        return monitorHolder[0];
                    })
                    .build();
            var result = test.runTest(program);
            var errors = new ArrayList<String>(result.errors());
            result.exceptions().forEach(e -> errors.add(rootMessage(e)));
            return build(input, monitorHolder[0], diagnostics, errors);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static String rootMessage(Throwable e) {
        var t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static Plan build(StackInput input, RecordingMonitor monitor, List<String> diagnostics,
                              List<String> errors) {
        var resources = new ArrayList<Plan.PlanResource>();
        JsonObject stackOutputs = new JsonObject();
        String stackUrn = null;
        if (monitor != null) {
            for (var registration : monitor.registrations()) {
                var request = registration.request();
                var response = registration.response();
                if (request.getType().equals("pulumi:pulumi:Stack")) {
                    stackUrn = response.getUrn();
                    continue;
                }
                var inputs = ProtoJson.toJson(request.getObject());
                var state = ProtoJson.toJson(response.getObject());
                var computed = new JsonObject();
                if (request.getCustom()) {
                    var secretOutputs = new TreeSet<>(request.getAdditionalSecretOutputsList());
                    state.entrySet().forEach(e -> {
                        var given = inputs.get(e.getKey());
                        // The mocks echo inputs without their secret marking: anything that was a secret input,
                        // or is declared a secret output, must not be copied back in clear.
                        if (secretOutputs.contains(e.getKey()) || containsSecret(given)) {
                            return;
                        }
                        if (!e.getValue().equals(given)) {
                            computed.add(e.getKey(), e.getValue());
                        }
                    });
                }
                var propertyDependencies = new TreeMap<String, List<String>>();
                request.getPropertyDependenciesMap().forEach((k, v) -> {
                    var urns = new TreeSet<>(v.getUrnsList());
                    if (!urns.isEmpty()) {
                        propertyDependencies.put(k, List.copyOf(urns));
                    }
                });
                var options = new JsonObject();
                options.addProperty("protect", request.hasProtect() && request.getProtect());
                if (request.getDeleteBeforeReplace()) {
                    options.addProperty("deleteBeforeReplace", true);
                }
                if (request.hasRetainOnDelete() && request.getRetainOnDelete()) {
                    options.addProperty("retainOnDelete", true);
                }
                addList(options, "ignoreChanges", request.getIgnoreChangesList());
                addList(options, "replaceOnChanges", request.getReplaceOnChangesList());
                addList(options, "additionalSecretOutputs", request.getAdditionalSecretOutputsList());
                if (request.hasCustomTimeouts()) {
                    var timeouts = new JsonObject();
                    var t = request.getCustomTimeouts();
                    if (!t.getCreate().isEmpty()) timeouts.addProperty("create", t.getCreate());
                    if (!t.getUpdate().isEmpty()) timeouts.addProperty("update", t.getUpdate());
                    if (!t.getDelete().isEmpty()) timeouts.addProperty("delete", t.getDelete());
                    if (timeouts.size() > 0) options.add("customTimeouts", timeouts);
                }
                if (!request.getVersion().isEmpty()) {
                    options.addProperty("version", request.getVersion());
                }
                var provider = request.getProvider().isEmpty()
                        ? (request.getCustom() && !request.getType().startsWith("pulumi:providers:")
                        ? "default:" + packageOf(request.getType()) : null)
                        : request.getProvider();
                resources.add(new Plan.PlanResource(response.getUrn(), request.getType(), request.getName(),
                        request.getCustom(), response.getId().isEmpty() ? null : response.getId(),
                        request.getParent().isEmpty() ? null : request.getParent(), provider,
                        List.copyOf(new TreeSet<>(request.getDependenciesList())), propertyDependencies, options,
                        inputs, computed));
            }
            if (stackUrn != null) {
                var out = monitor.outputs().get(stackUrn);
                if (out != null) {
                    stackOutputs = ProtoJson.toJson(out.getOutputs());
                }
            }
        }
        resources.sort(Comparator.comparing(Plan.PlanResource::urn));
        var config = new TreeMap<String, JsonElement>();
        input.config().forEach((k, v) -> config.put(k, input.secretKeys().contains(k)
                ? new JsonPrimitive(Plan.SECRET_PLACEHOLDER) : configValue(v)));
        var sortedDiagnostics = new ArrayList<>(new TreeSet<>(diagnostics));
        return new Plan(input.project(), input.stack(), config, resources, stackOutputs, sortedDiagnostics,
                List.copyOf(errors));
    }

    private static boolean containsSecret(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return false;
        }
        if (element.isJsonPrimitive()) {
            return Plan.SECRET_PLACEHOLDER.equals(element.getAsString());
        }
        if (element.isJsonArray()) {
            for (var e : element.getAsJsonArray()) {
                if (containsSecret(e)) {
                    return true;
                }
            }
            return false;
        }
        return element.getAsJsonObject().entrySet().stream().anyMatch(e -> containsSecret(e.getValue()));
    }

    private static JsonElement configValue(String raw) {
        var trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return sortKeys(com.google.gson.JsonParser.parseString(trimmed));
            } catch (RuntimeException e) {
                return new JsonPrimitive(raw);
            }
        }
        return new JsonPrimitive(raw);
    }

    /**
     * A copy with every object's keys sorted, so JSON compares and prints the same whatever the insertion order.
     *
     * @param element the JSON
     * @return the sorted copy
     */
    public static JsonElement sortKeys(JsonElement element) {
        if (element.isJsonObject()) {
            var sorted = new JsonObject();
            new TreeMap<>(element.getAsJsonObject().asMap()).forEach((k, v) -> sorted.add(k, sortKeys(v)));
            return sorted;
        }
        if (element.isJsonArray()) {
            var array = new JsonArray();
            element.getAsJsonArray().forEach(e -> array.add(sortKeys(e)));
            return array;
        }
        return element;
    }

    private static void addList(JsonObject options, String name, List<String> values) {
        if (!values.isEmpty()) {
            var array = new JsonArray();
            values.stream().sorted().forEach(array::add);
            options.add(name, array);
        }
    }

    private static String packageOf(String type) {
        var colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }
}
