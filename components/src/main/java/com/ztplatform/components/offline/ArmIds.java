package com.ztplatform.components.offline;

import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Azure Resource Manager id a resource would get, from its type token and its inputs.
 *
 * <p>Every resource this project creates sets its Azure name explicitly; a type missing here, or a name input
 * missing from a resource, fails loudly so the offline plan never shows invented ids.
 */
public final class ArmIds {
    /** The subscription every offline id is in: all zeros, so nobody mistakes it for a real one. */
    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

    /**
     * Type token to id template; {placeholders} are input names. Read from {@code arm-ids.json}, the one
     * description of Azure's id shapes shared with the simulated provider the engine end-to-end run uses
     * ({@code src/e2e/azuresim}, which embeds a byte-identical copy; a test there fails when they drift).
     */
    private static final Map<String, String> TEMPLATES = load("templates");

    /**
     * Type token of the databricks provider to the id template of the Databricks API ({@code databricksIds} in the
     * same file, which the simulated provider also reads, so the offline plan and the engine run give one id).
     */
    private static final Map<String, String> DATABRICKS_IDS = load("databricksIds");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern DATABRICKS_PLACEHOLDER = Pattern.compile("\\{(=?[A-Za-z]+)}");

    private ArmIds() {
    }

    private static Map<String, String> load(String section) {
        try (var in = ArmIds.class.getResourceAsStream("arm-ids.json")) {
            if (in == null) {
                throw new IllegalStateException("arm-ids.json is missing from the classpath");
            }
            var root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            var templates = new TreeMap<String, String>();
            root.getAsJsonObject(section).entrySet()
                    .forEach(e -> templates.put(e.getKey(), e.getValue().getAsString()));
            return Map.copyOf(templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ARM id; throws {@link IllegalStateException} for unknown types or missing name inputs.
     *
     * @param typeToken   the azure-native type token, like {@code azure-native:network:Subnet}
     * @param logicalName the resource's logical name, for the error message
     * @param inputs      the resource's inputs, which hold its Azure name and its parents' names
     * @return the id, like {@code /subscriptions/.../resourceGroups/rg/providers/Microsoft.Network/...}
     */
    public static String idFor(String typeToken, String logicalName, Map<String, Object> inputs) {
        var template = TEMPLATES.get(typeToken);
        if (template == null) {
            throw new IllegalStateException("AzureMocks has no ARM id template for " + typeToken + " ('" + logicalName
                    + "'); add one to " + ArmIds.class.getName());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            var key = m.group(1);
            String value;
            if (key.equals("sub")) {
                value = SUBSCRIPTION_ID;
            } else {
                var raw = inputs.get(key);
                if (raw == null || raw.toString().isBlank()) {
                    throw new IllegalStateException(typeToken + " '" + logicalName + "' has no '" + key
                            + "' input: set the Azure name explicitly so names are deterministic");
                }
                value = raw.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The id the Databricks API would give an object of the databricks provider, from its template in
     * {@code arm-ids.json} ({@code databricksIds}, or its {@code default}).
     *
     * @param typeToken   the resource's type token, like {@code databricks:index/volume:Volume}
     * @param logicalName the resource's logical name, for the error message
     * @param inputs      the resource's inputs, which fill {@code {name}} placeholders
     * @param derived     the values of the {@code {=name}} placeholders (numeric, guid, hex, objectType, grantsKey), which the
     *                    caller derives from the stack, token and logical name
     * @return the id
     * @throws IllegalStateException when an input or derived value the template names is missing
     */
    public static String databricksId(String typeToken, String logicalName, Map<String, Object> inputs,
                                      Map<String, String> derived) {
        var template = DATABRICKS_IDS.getOrDefault(typeToken, DATABRICKS_IDS.get("default"));
        Matcher m = DATABRICKS_PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            var key = m.group(1);
            var raw = key.startsWith("=") ? derived.get(key.substring(1)) : inputs.get(key);
            if (raw == null || raw.toString().isBlank()) {
                throw new IllegalStateException(typeToken + " '" + logicalName + "' has no '" + key + "' "
                        + (key.startsWith("=") ? "derived value" : "input") + " for its id template " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(raw.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The ARM resource type, like Microsoft.Network/virtualNetworks/subnets, or "" for unknown tokens.
     *
     * @param typeToken the azure-native type token
     * @return the ARM type, derived from the id template
     */
    public static String armType(String typeToken) {
        var template = TEMPLATES.get(typeToken);
        if (template == null) {
            return "";
        }
        var providers = template.lastIndexOf("/providers/");
        var path = providers >= 0 ? template.substring(providers + "/providers/".length())
                : "Microsoft.Resources/resourceGroups/{resourceGroupName}";
        var segments = path.split("/");
        var type = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }

    /**
     * The last path segment of an id: the Azure resource name.
     *
     * @param id an ARM id
     * @return its last segment
     */
    public static String nameOf(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
