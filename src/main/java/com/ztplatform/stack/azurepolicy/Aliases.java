package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Policy aliases mapped to plan inputs, defined once in {@code aliases.json} beside this class. Aliases are
 * case-insensitive (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias), and so are
 * the property names the paths walk, as in ARM.
 */
final class Aliases {
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> apiVersions = new HashMap<>();

    private Aliases(JsonObject json) {
        json.getAsJsonObject("aliases").entrySet()
                .forEach(e -> paths.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().getAsString()));
        json.getAsJsonObject("apiVersions").entrySet()
                .forEach(e -> apiVersions.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().getAsString()));
    }

    /** The table shipped beside this class. */
    static Aliases load() {
        try (var in = Aliases.class.getResourceAsStream("aliases.json")) {
            return new Aliases(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The input path of an alias; fails for an alias the table does not map, so that nothing unmapped reads as absent.
     *
     * @param alias the alias
     * @return the input path, with {@code [*]} where the alias has it
     */
    String path(String alias) {
        var path = paths.get(alias.toLowerCase(Locale.ROOT));
        if (path == null) {
            throw new PolicyEvaluationException("alias " + alias + " has no mapping to azure-native inputs (aliases.json)");
        }
        return path;
    }

    /** The API version azure-native uses for the type, for {@code requestContext().apiVersion}. */
    Optional<String> apiVersion(String type) {
        return Optional.ofNullable(apiVersions.get(type.toLowerCase(Locale.ROOT)));
    }

    /** The aliases the table maps, lower-cased. */
    java.util.Set<String> mapped() {
        return paths.keySet();
    }

    /**
     * The values at an input path. A path without {@code [*]} gives one value ({@link JsonNull} when missing); each
     * {@code [*]} expands an array's elements (a missing array gives none).
     *
     * @param root the object to start from
     * @param path the dotted path
     * @return the values
     */
    static List<JsonElement> walk(JsonElement root, String path) {
        List<JsonElement> current = new ArrayList<>(List.of(root));
        if (path.isEmpty()) {
            return current;
        }
        for (var segment : path.split("\\.")) {
            var expand = segment.endsWith("[*]");
            var name = expand ? segment.substring(0, segment.length() - 3) : segment;
            var next = new ArrayList<JsonElement>();
            for (var value : current) {
                var child = child(value, name);
                if (!expand) {
                    next.add(child);
                } else if (child.isJsonArray()) {
                    child.getAsJsonArray().forEach(next::add);
                }
            }
            current = next;
        }
        return current;
    }

    private static JsonElement child(JsonElement value, String name) {
        if (value == null || !value.isJsonObject()) {
            return JsonNull.INSTANCE;
        }
        var object = value.getAsJsonObject();
        if (object.has(name)) {
            return object.get(name);
        }
        for (var e : object.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return JsonNull.INSTANCE;
    }

    static JsonArray toArray(List<JsonElement> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
