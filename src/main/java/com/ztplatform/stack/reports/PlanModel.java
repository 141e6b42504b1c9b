package com.ztplatform.stack.reports;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parts of a {@code plan.json} (schema 1) the reports read: resources with their type, parent, dependencies
 * and inputs, and the stack configuration the plan was made with. Read-only; the reports are functions of it.
 */
public final class PlanModel {
    /** One registered resource. */
    public record Resource(String urn, String type, String name, String id, boolean custom, String parent,
                           List<String> dependencies, TreeSet<String> propertyDependencies, JsonObject inputs,
                           JsonObject options) {
        /**
         * An input by dotted path ({@code properties.networkAcls.defaultAction}).
         *
         * @param path the dotted path
         * @return the value; empty when a part is missing or null
         */
        public Optional<JsonElement> input(String path) {
            JsonElement at = inputs;
            for (var part : path.split("\\.")) {
                if (at == null || !at.isJsonObject()) {
                    return Optional.empty();
                }
                at = at.getAsJsonObject().get(part);
            }
            return at == null || at.isJsonNull() ? Optional.empty() : Optional.of(at);
        }

        /**
         * A scalar input as text, or empty.
         *
         * @param path the dotted path
         * @return the text of a string, number or boolean; empty for objects, arrays and missing values
         */
        public Optional<String> text(String path) {
            return input(path).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
        }

        /**
         * Whether a scalar input equals the value, ignoring case (Azure enum values are case-insensitive).
         *
         * @param path  the dotted path
         * @param value the expected value
         * @return true when equal ignoring case; false when missing
         */
        public boolean is(String path, String value) {
            return text(path).map(v -> v.equalsIgnoreCase(value)).orElse(false);
        }

        /**
         * Whether an input is true (a boolean, or the text {@code true}).
         *
         * @param path the dotted path
         * @return true when set to true; false when missing
         */
        public boolean isTrue(String path) {
            return input(path).filter(JsonElement::isJsonPrimitive).map(e -> e.getAsJsonPrimitive().isBoolean()
                    ? e.getAsBoolean() : "true".equalsIgnoreCase(e.getAsString())).orElse(false);
        }

        /**
         * Dependencies written as {@code dependsOn}: in {@code dependencies} but behind no input.
         *
         * @return their URNs
         */
        public List<String> explicitDependencies() {
            return dependencies.stream().filter(d -> !propertyDependencies.contains(d)).toList();
        }
    }

    private final String project;
    private final String stack;
    private final List<Resource> resources;
    private final JsonObject config;

    private PlanModel(String project, String stack, List<Resource> resources, JsonObject config) {
        this.project = project;
        this.stack = stack;
        this.resources = List.copyOf(resources);
        this.config = config;
    }

    /**
     * Reads a plan file.
     *
     * @param planJson the plan.json
     * @return the model
     * @throws IOException when the file cannot be read or is not a plan.json of schema 1, naming it
     */
    public static PlanModel read(Path planJson) throws IOException {
        try {
            return parse(JsonParser.parseString(Files.readString(planJson, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IOException(planJson + " is not a plan.json: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with a clear message when the JSON is not a plan.json of schema 1.
     *
     * @param plan the plan JSON
     * @return the model
     */
    public static PlanModel parse(JsonObject plan) {
        var schema = plan.get("schemaVersion");
        if (schema == null || !schema.isJsonPrimitive() || schema.getAsInt() != 1) {
            throw new IllegalArgumentException("plan has schemaVersion " + schema + ", the reports read schema 1");
        }
        var list = new ArrayList<Resource>();
        var array = plan.getAsJsonArray("resources");
        if (array == null) {
            throw new IllegalArgumentException("plan has no resources array");
        }
        for (var element : array) {
            var r = element.getAsJsonObject();
            var deps = new ArrayList<String>();
            if (r.has("dependencies")) {
                r.getAsJsonArray("dependencies").forEach(d -> deps.add(d.getAsString()));
            }
            var propDeps = new TreeSet<String>();
            if (r.has("propertyDependencies") && r.get("propertyDependencies").isJsonObject()) {
                r.getAsJsonObject("propertyDependencies").entrySet().forEach(e ->
                        e.getValue().getAsJsonArray().forEach(d -> propDeps.add(d.getAsString())));
            }
            list.add(new Resource(r.get("urn").getAsString(), r.get("type").getAsString(), r.get("name").getAsString(),
                    r.has("id") && !r.get("id").isJsonNull() ? r.get("id").getAsString() : "",
                    r.has("custom") && r.get("custom").getAsBoolean(),
                    r.has("parent") && !r.get("parent").isJsonNull() ? r.get("parent").getAsString() : "",
                    List.copyOf(deps), propDeps,
                    r.has("inputs") && r.get("inputs").isJsonObject() ? r.getAsJsonObject("inputs") : new JsonObject(),
                    r.has("options") && r.get("options").isJsonObject() ? r.getAsJsonObject("options") : new JsonObject()));
        }
        var config = plan.has("config") && plan.get("config").isJsonObject() ? plan.getAsJsonObject("config") : new JsonObject();
        return new PlanModel(text(plan, "project"), text(plan, "stack"), list, config);
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
    }

    /**
     * The Pulumi project the plan is of.
     *
     * @return the project name
     */
    public String project() {
        return project;
    }

    /**
     * The stack the plan is of.
     *
     * @return the stack name
     */
    public String stack() {
        return stack;
    }

    /**
     * Every registered resource.
     *
     * @return the resources, in the plan's (URN) order
     */
    public List<Resource> resources() {
        return resources;
    }

    /**
     * The resources of one type.
     *
     * @param type the type token, like {@code azure-native:network:AzureFirewall}
     * @return them, in plan order
     */
    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * A key of the project's config namespace ({@code costAssumptions}), as the plan recorded it.
     *
     * @param key the key without the namespace
     * @return its value (secrets are the placeholder); empty when not set
     */
    public Optional<JsonElement> config(String key) {
        var value = config.get(project + ":" + key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }

    /** The ARM id a resource's inputs refer to ends with this name segment (case-insensitive ARM ids). */
    static boolean sameId(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
