package com.ztplatform.stack.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A position in the structured stack config that knows its own key path ({@code zt-databricks:hub.bastion.sku},
 * {@code zt-databricks:spokes[1].addressSpace}) and records problems instead of throwing, so the loader can
 * report every problem of a stack at once.
 */
final class ConfigNode {
    private final String path;
    private final JsonElement element;
    private final List<String> problems;

    private ConfigNode(String path, JsonElement element, List<String> problems) {
        this.path = path;
        this.element = element;
        this.problems = problems;
    }

    /** Parses a raw config value: JSON for objects and arrays, else a plain string. */
    static ConfigNode root(String path, String raw, List<String> problems) {
        JsonElement element;
        try {
            var trimmed = raw.trim();
            element = trimmed.startsWith("{") || trimmed.startsWith("[") ? JsonParser.parseString(trimmed)
                    : new JsonPrimitive(raw);
        } catch (JsonSyntaxException e) {
            problems.add(path + " is not valid structured config: " + e.getMessage());
            element = null;
        }
        return new ConfigNode(path, element, problems);
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path + "." + key;
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

    /** Requires this node to be an object; reports it otherwise. */
    boolean expectObject(String example) {
        if (isObject()) {
            return true;
        }
        if (element != null) {
            problems.add(path + " must be an object, like " + example);
        }
        return false;
    }

    /** Reports keys that are not in {@code allowed}: a typo must not silently fall back to a default. */
    void allowOnly(Set<String> allowed) {
        if (!isObject()) {
            return;
        }
        for (var key : new TreeSet<>(element.getAsJsonObject().keySet())) {
            if (!allowed.contains(key)) {
                problems.add(at(key) + " is not a known key; valid keys here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** Whether the key is set (to anything but null). */
    boolean has(String key) {
        return member(key).isPresent();
    }

    private Optional<JsonElement> member(String key) {
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
            problems.add(at(key) + " must be a string, like " + example);
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

    int integer(String key, int defaultValue, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        var v = value.get();
        if (v.isJsonPrimitive()) {
            var text = v.getAsString().trim().replaceFirst("^/", "");
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(key) + " must be a whole number, like " + example + ", got " + v);
        return defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        var value = member(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        var v = value.get();
        if (v.isJsonPrimitive() && (v.getAsString().equals("true") || v.getAsString().equals("false"))) {
            return Boolean.parseBoolean(v.getAsString());
        }
        problems.add(at(key) + " must be true or false, got " + v);
        return defaultValue;
    }

    Optional<ConfigNode> object(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var node = new ConfigNode(at(key), value.get(), problems);
        return node.expectObject(example) ? Optional.of(node) : Optional.empty();
    }

    /** The elements of an array member; empty when absent (reported as not an array when it is something else). */
    Optional<List<ConfigNode>> array(String key, String example) {
        var value = member(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return new ConfigNode(at(key), value.get(), problems).elements(example);
    }

    /** This node's elements when it is an array. */
    Optional<List<ConfigNode>> elements(String example) {
        if (!isArray()) {
            if (element != null) {
                problems.add(path + " must be a list, like " + example);
            }
            return Optional.empty();
        }
        var nodes = new ArrayList<ConfigNode>();
        var array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            nodes.add(new ConfigNode(path + "[" + i + "]", array.get(i), problems));
        }
        return Optional.of(nodes);
    }

    /** A string list member; non-string elements are reported. */
    Optional<List<String>> strings(String key, String example) {
        return array(key, example).map(nodes -> {
            var values = new ArrayList<String>();
            for (var node : nodes) {
                if (node.element.isJsonPrimitive() && node.element.getAsJsonPrimitive().isString()) {
                    values.add(node.element.getAsString());
                } else {
                    problems.add(node.path + " must be a string, like " + example);
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
    Map<String, String> stringMap() {
        var map = new TreeMap<String, String>();
        if (!isObject()) {
            return map;
        }
        JsonObject object = element.getAsJsonObject();
        for (var entry : object.entrySet()) {
            var v = entry.getValue();
            if (v.isJsonPrimitive()) {
                map.put(entry.getKey(), v.getAsString());
            } else {
                problems.add(at(entry.getKey()) + " must be a string value");
            }
        }
        return map;
    }
}
