package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in definitions shipped in {@code builtin/} beside this class, in the order of {@code selection.json}.
 */
public final class BuiltInPolicies {
    private BuiltInPolicies() {
    }

    /**
     * One built-in definition.
     *
     * @param id          the definition's name (the GUID at the end of its id)
     * @param displayName its display name
     * @param source      its path in Azure/azure-policy
     * @param initiatives the benchmark initiatives that include it
     * @param properties  the definition's {@code properties} (mode, parameters, policyRule)
     */
    public record Definition(String id, String displayName, String source, List<String> initiatives, JsonObject properties) {
        /** @return the full resource id of the built-in definition */
        public String resourceId() {
            return "/providers/Microsoft.Authorization/policyDefinitions/" + id;
        }

        /** @return the definition's mode */
        public String mode() {
            return properties.has("mode") ? properties.get("mode").getAsString() : "All";
        }
    }

    /** @return the selection's provenance ({@code repository}, {@code path}, {@code commit}, {@code release}) */
    public static JsonObject source() {
        return selection().getAsJsonObject("source");
    }

    /** @return every selected definition */
    public static List<Definition> all() {
        var list = new ArrayList<Definition>();
        for (var e : selection().getAsJsonArray("evaluated")) {
            var entry = e.getAsJsonObject();
            var file = read("builtin/" + entry.get("file").getAsString());
            var name = file.get("name").getAsString();
            if (!name.equals(entry.get("id").getAsString())) {
                throw new IllegalStateException(entry.get("file") + " is definition " + name + ", selection.json says "
                        + entry.get("id"));
            }
            var initiatives = new ArrayList<String>();
            entry.getAsJsonArray("initiatives").forEach(i -> initiatives.add(i.getAsString()));
            list.add(new Definition(name, entry.get("displayName").getAsString(), entry.get("source").getAsString(),
                    List.copyOf(initiatives), file.getAsJsonObject("properties")));
        }
        return List.copyOf(list);
    }

    /**
     * @return every selected definition, then those copied only for the Azure Policy assignments
     *         ({@code assignedOnly} in {@code selection.json}: tags, locations, deploy-if-not-exists), which the
     *         evaluator does not judge
     */
    public static List<Definition> withAssignedOnly() {
        var list = new ArrayList<>(all());
        for (var e : selection().getAsJsonObject("assignedOnly").getAsJsonArray("definitions")) {
            var entry = e.getAsJsonObject();
            var file = read("builtin/" + entry.get("file").getAsString());
            var name = file.get("name").getAsString();
            if (!name.equals(entry.get("id").getAsString())) {
                throw new IllegalStateException(entry.get("file") + " is definition " + name + ", selection.json says "
                        + entry.get("id"));
            }
            list.add(new Definition(name, entry.get("displayName").getAsString(), entry.get("source").getAsString(),
                    List.of(), file.getAsJsonObject("properties")));
        }
        return List.copyOf(list);
    }

    private static JsonObject selection() {
        return read("builtin/selection.json");
    }

    static JsonObject read(String resource) {
        try (InputStream in = BuiltInPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
