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
 * @param project     the Pulumi project
 * @param stack       the stack
 * @param config      the stack's configuration; secret values replaced by {@link #SECRET_PLACEHOLDER}
 * @param resources   every registered resource, sorted by URN
 * @param outputs     the stack outputs
 * @param diagnostics warnings and infos the program logged, sorted
 * @param errors program errors (a plan with errors is incomplete and the plan command fails)
 */
public record Plan(String project, String stack, Map<String, JsonElement> config, List<PlanResource> resources,
                   JsonObject outputs, List<String> diagnostics, List<String> errors) {
    /** The plan.json schema this writes; readers refuse other versions. */
    public static final int SCHEMA_VERSION = 1;
    /** What a secret value looks like everywhere in a plan: its value is never written. */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    /**
     * Copies the collections.
     *
     * @param project     the project
     * @param stack       the stack
     * @param config      the configuration
     * @param resources   the resources
     * @param outputs     the stack outputs
     * @param diagnostics the diagnostics
     * @param errors      the program errors
     */
    public Plan {
        config = Map.copyOf(config);
        resources = List.copyOf(resources);
        diagnostics = List.copyOf(diagnostics);
        errors = List.copyOf(errors);
    }

    /**
     * One registered resource.
     *
     * @param urn            the engine's URN
     * @param type           the type token
     * @param name           the logical name
     * @param custom         true for cloud resources, false for components
     * @param id             the id the mock assigned (Azure-shaped for azure-native resources)
     * @param provider       provider reference, or {@code default:<package>} for the package's default provider
     * @param parent         the parent's URN, or {@code null}
     * @param dependencies   URNs this resource waits for (explicit dependsOn plus input dependencies)
     * @param propertyDependencies per input, the URNs its value comes from
     * @param options        protect, deleteBeforeReplace, ignoreChanges, version and the other options set
     * @param inputs         inputs as the engine receives them; secrets shown as the placeholder
     * @param mockComputed   outputs the mock computed that were not inputs (values Azure would assign)
     */
    public record PlanResource(String urn, String type, String name, boolean custom, String id, String parent,
                               String provider, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                               JsonObject options, JsonObject inputs, JsonObject mockComputed) {

        /**
         * An input by dotted path, like {@code sku.name}.
         *
         * @param path the dotted path
         * @return the value; empty when a part is missing
         */
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

        /**
         * A scalar input as text.
         *
         * @param path the dotted path
         * @return the text; empty for objects, arrays and missing values
         */
        public Optional<String> inputString(String path) {
            return input(path).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
        }
    }

    /**
     * The resources of one type.
     *
     * @param type the type token
     * @return them, in URN order
     */
    public List<PlanResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The resource with this logical name; fails when there is none or more than one.
     *
     * @param logicalName the name
     * @return the resource
     */
    public PlanResource named(String logicalName) {
        var matches = resources.stream().filter(r -> r.name().equals(logicalName)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("expected one resource named '" + logicalName + "', found "
                    + matches.size());
        }
        return matches.get(0);
    }

    /**
     * The resource with this URN.
     *
     * @param urn the URN
     * @return the resource, or empty
     */
    public Optional<PlanResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /**
     * The resource the mocks gave this id (how an input that names another resource's id is traced back).
     *
     * @param id the id
     * @return the resource, or empty
     */
    public Optional<PlanResource> byId(String id) {
        return resources.stream().filter(r -> id.equals(r.id())).findFirst();
    }

    /**
     * plan.json: the same plan always gives the same bytes (keys sorted, resources by URN).
     *
     * @return the JSON text
     */
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
