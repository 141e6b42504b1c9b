package com.ztplatform.components.offline;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline plan of one stack: what the program registered, with every option and input, in a stable
 * order. Schema (plan.json, {@code schemaVersion} {@value #SCHEMA_VERSION}) is documented in the README.
 *
 * @param errors program errors (a plan with errors is incomplete and the plan command fails)
 */
public record Plan(String project, String stack, Map<String, JsonElement> config, List<PlanResource> resources,
                   JsonObject outputs, List<String> diagnostics, List<String> errors) {
    public static final int SCHEMA_VERSION = 1;
    /** What a secret value looks like everywhere in a plan: its value is never written. */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    public Plan {
        config = Map.copyOf(config);
        resources = List.copyOf(resources);
        diagnostics = List.copyOf(diagnostics);
        errors = List.copyOf(errors);
    }

    /**
     * One registered resource.
     *
     * @param custom         true for cloud resources, false for components
     * @param id             the id the mock assigned (Azure-shaped for azure-native resources)
     * @param provider       provider reference, or {@code default:<package>} for the package's default provider
     * @param dependencies   URNs this resource waits for (explicit dependsOn plus input dependencies)
     * @param inputs         inputs as the engine receives them; secrets shown as the placeholder
     * @param mockComputed   outputs the mock computed that were not inputs (values Azure would assign)
     */
    public record PlanResource(String urn, String type, String name, boolean custom, String id, String parent,
                               String provider, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                               JsonObject options, JsonObject inputs, JsonObject mockComputed) {

        public Optional<JsonElement> input(String path) {
            JsonElement current = inputs;
            for (var part : path.split("\\.")) {
                if (current == null || !current.isJsonObject()) {
                    return Optional.empty();
                }
                current = current.getAsJsonObject().get(part);
            }
            return Optional.ofNullable(current);
        }

        public Optional<String> inputString(String path) {
            return input(path).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
        }
    }

    public List<PlanResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The resource with this logical name; fails when there is none or more than one. */
    public PlanResource named(String logicalName) {
        var matches = resources.stream().filter(r -> r.name().equals(logicalName)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("expected one resource named '" + logicalName + "', found "
                    + matches.size());
        }
        return matches.get(0);
    }

    public Optional<PlanResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    public Optional<PlanResource> byId(String id) {
        return resources.stream().filter(r -> id.equals(r.id())).findFirst();
    }

    public String toJson() {
        var root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("project", project);
        root.addProperty("stack", stack);
        var generator = new JsonObject();
        generator.addProperty("tool", "zt-platform plan");
        generator.addProperty("monitor", "Pulumi test monitor with AzureMocks: ids and mockComputed values are "
                + "what the mocks answered, not values read from Azure");
        root.add("generator", generator);
        var configJson = new JsonObject();
        new java.util.TreeMap<>(config).forEach(configJson::add);
        root.add("config", configJson);
        var resourcesJson = new JsonArray();
        for (var r : resources) {
            var json = new JsonObject();
            json.addProperty("urn", r.urn());
            json.addProperty("type", r.type());
            json.addProperty("name", r.name());
            json.addProperty("custom", r.custom());
            json.addProperty("id", r.id());
            json.addProperty("parent", r.parent());
            json.addProperty("provider", r.provider());
            var deps = new JsonArray();
            r.dependencies().forEach(deps::add);
            json.add("dependencies", deps);
            var propertyDeps = new JsonObject();
            r.propertyDependencies().forEach((k, v) -> {
                var urns = new JsonArray();
                v.forEach(urns::add);
                propertyDeps.add(k, urns);
            });
            json.add("propertyDependencies", propertyDeps);
            json.add("options", PlanRunner.sortKeys(r.options()));
            json.add("inputs", r.inputs());
            json.add("mockComputed", PlanRunner.sortKeys(r.mockComputed()));
            resourcesJson.add(json);
        }
        root.add("resources", resourcesJson);
        root.add("outputs", PlanRunner.sortKeys(outputs));
        var diagnosticsJson = new JsonArray();
        diagnostics.forEach(diagnosticsJson::add);
        root.add("diagnostics", diagnosticsJson);
        var errorsJson = new JsonArray();
        errors.forEach(errorsJson::add);
        root.add("errors", errorsJson);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }
}
