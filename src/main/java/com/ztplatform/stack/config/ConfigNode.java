package com.ztplatform.stack.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonParseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A position in the structured stack config that knows its own key path as the user writes it
 * ({@code zt-databricks:hub.bastion.sku}, {@code zt-databricks:spokes[1].addressSpace}) and its path in
 * {@link ConfigSchema} ({@code spokes[].addressSpace}). It records problems instead of throwing, so the loader
 * can report every problem of a stack at once. Every type problem quotes the value found and shows a valid
 * example. Reading a key the schema does not define is a programming error (the schema is the one definition).
 */
final class ConfigNode {
    /** The YAML 1.2 core schema's booleans: what Pulumi reads as true or false. */
    static final java.util.Set<String> YAML_BOOLEANS = java.util.Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private final String path;
    private final String schemaPath;
    private final JsonElement element;
    private final List<String> problems;

    private ConfigNode(String path, String schemaPath, JsonElement element, List<String> problems) {
        this.path = path;
        this.schemaPath = schemaPath;
        this.element = element;
        this.problems = problems;
    }

    /** Parses a raw config value: JSON for objects and arrays (as Pulumi passes them), else a plain string. */
    static ConfigNode root(String path, String schemaPath, String raw, List<String> problems) {
        JsonElement element;
        try {
            var trimmed = raw.trim();
            element = trimmed.startsWith("{") || trimmed.startsWith("[") ? JsonParser.parseString(trimmed)
                    : new JsonPrimitive(raw);
        } catch (JsonParseException e) {
            // Pulumi hands structured values over as JSON; a plain value that starts like one is a broken object.
            problems.add(path + " must be a mapping or a list written in YAML (or set with pulumi config set --path), "
                    + "got '" + raw + "'");
            element = null;
        }
        return new ConfigNode(path, schemaPath, element, problems);
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path + "." + key;
    }

    private String schemaAt(String key) {
        var child = schemaPath + "." + key;
        if (ConfigSchema.key(child).isEmpty()) {
            var any = schemaPath + "." + ConfigSchema.ANY;
            if (ConfigSchema.key(any).isPresent()) {
                return any;
            }
            throw new IllegalStateException("config key " + child + " is read but not defined in ConfigSchema");
        }
        return child;
    }

    void problem(String message) {
        problems.add(message);
    }

    boolean isObject() {
        return element != null && element.isJsonObject();
    }

    boolean isArray() {
        return element != null && element.isJsonArray();
    }

    /** The value as a message quotes it: strings in single quotes, anything else as JSON. */
    static String render(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "nothing";
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return "'" + value.getAsString() + "'";
        }
        return value.toString();
    }

    String rendered() {
        return render(element);
    }

    /** Requires this node to be an object; reports it otherwise. */
    boolean expectObject(String example) {
        if (isObject()) {
            return true;
        }
        if (element != null) {
            problems.add(path + " must be a mapping, like " + example + ", got " + render(element));
        }
        return false;
    }

    /** Reports keys the schema does not define here: a typo must not silently fall back to a default. */
    void allowOnly() {
        if (!isObject()) {
            return;
        }
        var allowed = ConfigSchema.children(schemaPath);
        if (allowed.isEmpty()) {
            return;
        }
        for (var key : new TreeSet<>(element.getAsJsonObject().keySet())) {
            if (!allowed.get().contains(key)) {
                var hint = ConfigSchema.suggestion(key, allowed.get()).map(s -> "; did you mean '" + s + "'?").orElse(".");
                problems.add(at(key) + " is not a known key" + hint + " Valid keys here: "
                        + String.join(", ", allowed.get()));
            }
        }
    }

    /** Whether the key is set (to anything but null). */
    boolean has(String key) {
        return member(key).isPresent();
    }

    private Optional<JsonElement> member(String key) {
        schemaAt(key);
        if (!isObject()) {
            return Optional.empty();
        }
        var value = element.getAsJsonObject().get(key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }

    /** A scalar value of this node itself (for top-level plain keys). */
    Optional<String> scalar() {
        return element != null && element.isJsonPrimitive() ? Optional.of(element.getAsString()) : Optional.empty();
    }

    Optional<String> string(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isJsonPrimitive() || !value.get().getAsJsonPrimitive().isString()) {
            problems.add(at(key) + " must be a string, like " + example + ", got " + render(value.get()));
            return Optional.empty();
        }
        return Optional.of(value.get().getAsString());
    }

    Optional<String> requiredString(String key, String example) {
        var value = string(key, example);
        if (value.isEmpty() && member(key).isEmpty()) {
            problems.add(at(key) + " is required, like " + example);
        }
        return value;
    }

    /**
     * An enum value, spelled exactly as one of the schema's allowed values. Values are case-sensitive everywhere;
     * a value that differs only in case is reported with the right spelling.
     */
    Optional<String> enumValue(String key) {
        var schemaKey = schemaAt(key);
        var allowed = ConfigSchema.allowed(schemaKey);
        var example = ConfigSchema.example(schemaKey);
        return string(key, example).flatMap(v -> checkEnum(at(key), v, allowed, example));
    }

    Optional<String> checkEnum(String keyPath, String value, List<String> allowed) {
        return checkEnum(keyPath, value, allowed, ConfigSchema.example(allowed));
    }

    Optional<String> checkEnum(String keyPath, String value, List<String> allowed, String example) {
        if (allowed.contains(value)) {
            return Optional.of(value);
        }
        var sameLetters = allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst();
        if (sameLetters.isPresent()) {
            problems.add(keyPath + " must be spelled '" + sameLetters.get() + "' (values are case-sensitive), got '"
                    + value + "'");
        } else {
            problems.add(keyPath + " must be one of " + String.join(", ", allowed) + ", like " + example
                    + ", got '" + value + "'");
        }
        return Optional.empty();
    }

    /** A whole number; empty when absent or invalid (reported). */
    Optional<Integer> integer(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var v = value.get();
        if (v.isJsonPrimitive()) {
            var text = v.getAsString().trim();
            if (text.matches("-?[0-9]{1,9}")) {
                return Optional.of(Integer.parseInt(text));
            }
        }
        problems.add(at(key) + " must be a whole number, like " + example + ", got " + render(v));
        return Optional.empty();
    }

    int integer(String key, int defaultValue, String example) {
        return integer(key, example).orElse(defaultValue);
    }

    /** true or false (YAML 1.2 also reads True/TRUE as booleans); empty when absent or invalid (reported). */
    Optional<Boolean> bool(String key) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var v = value.get();
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
            return Optional.of(v.getAsBoolean());
        }
        if (v.isJsonPrimitive() && YAML_BOOLEANS.contains(v.getAsString())) {
            // A quoted "true", or a value set with pulumi config set --path, arrives as a string.
            return Optional.of(Boolean.parseBoolean(v.getAsString()));
        }
        var hint = v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                && List.of("yes", "no", "on", "off", "y", "n").contains(v.getAsString().toLowerCase())
                ? " (Pulumi reads stack files as YAML 1.2, where '" + v.getAsString() + "' is a string)" : "";
        problems.add(at(key) + " must be true or false, got " + render(v) + hint);
        return Optional.empty();
    }

    boolean bool(String key, boolean defaultValue) {
        return bool(key).orElse(defaultValue);
    }

    Optional<ConfigNode> object(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var node = new ConfigNode(at(key), schemaAt(key), value.get(), problems);
        if (!node.expectObject(example)) {
            return Optional.empty();
        }
        node.allowOnly();
        return Optional.of(node);
    }

    /** The elements of an array member; empty when absent (reported as not a list when it is something else). */
    Optional<List<ConfigNode>> array(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return new ConfigNode(at(key), schemaAt(key), value.get(), problems).elements(example);
    }

    /** This node's elements when it is an array. */
    Optional<List<ConfigNode>> elements(String example) {
        if (!isArray()) {
            if (element != null) {
                problems.add(path + " must be a list, like " + example + ", got " + render(element));
            }
            return Optional.empty();
        }
        var nodes = new ArrayList<ConfigNode>();
        var array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            nodes.add(new ConfigNode(path + "[" + i + "]", schemaPath + "[]", array.get(i), problems));
        }
        return Optional.of(nodes);
    }

    /** This node as an object element of a list: reports it when it is not a mapping, checks its keys. */
    boolean expectEntry(String example) {
        if (!expectObject(example)) {
            return false;
        }
        allowOnly();
        return true;
    }

    /** A string list member; non-string elements are reported. */
    Optional<List<String>> strings(String key, String example) {
        return array(key, example).map(nodes -> {
            var values = new ArrayList<String>();
            for (var node : nodes) {
                if (node.element.isJsonPrimitive() && node.element.getAsJsonPrimitive().isString()) {
                    values.add(node.element.getAsString());
                } else {
                    problems.add(node.path + " must be a string, like " + example + ", got " + render(node.element));
                }
            }
            return values;
        });
    }

    /** The member names of this object, sorted. */
    List<String> keys() {
        return isObject() ? new ArrayList<>(new TreeSet<>(element.getAsJsonObject().keySet())) : List.of();
    }

    /** All string members of this object, sorted by key; non-strings are reported. */
    Map<String, String> stringMap(String example) {
        var map = new TreeMap<String, String>();
        if (!isObject()) {
            return map;
        }
        JsonObject object = element.getAsJsonObject();
        for (var entry : object.entrySet()) {
            var v = entry.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                map.put(entry.getKey(), v.getAsString());
            } else {
                problems.add(at(entry.getKey()) + " must be a string, like " + example + ", got " + render(v)
                        + (v.isJsonPrimitive() ? " (quote it: '" + v.getAsString() + "')" : ""));
            }
        }
        return map;
    }
}
