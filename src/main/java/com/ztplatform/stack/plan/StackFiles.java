package com.ztplatform.stack.plan;

import com.google.gson.GsonBuilder;
import com.ztplatform.components.testing.Plan;
import com.ztplatform.components.testing.PlanRunner;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI hands them to a program:
 * full keys ({@code project:key}, {@code azure-native:location}), structured values as JSON strings.
 *
 * <p>Encrypted values ({@code secure: v1:...}) cannot be decrypted offline and must never be printed: each
 * becomes the placeholder {@value Plan#SECRET_PLACEHOLDER} and its key is marked secret, so the program sees it
 * as a secret and the plan shows only the placeholder.
 */
public final class StackFiles {
    private StackFiles() {
    }

    /** Walks up from {@code start} to the directory holding Pulumi.yaml. */
    public static Path findProjectRoot(Path start) throws IOException {
        for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        throw new IOException("no Pulumi.yaml in " + start.toAbsolutePath() + " or any parent directory");
    }

    public static PlanRunner.StackInput read(Path root, String stack) throws IOException {
        var projectFile = root.resolve("Pulumi.yaml");
        var project = asMap(load(projectFile), projectFile);
        var name = project.get("name");
        if (!(name instanceof String projectName) || projectName.isBlank()) {
            throw new IOException(projectFile + " has no project name");
        }
        var stackFile = root.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            throw new IOException("no stack file " + stackFile.getFileName() + " in " + root
                    + " (stacks here: " + String.join(", ", stacks(root)) + ")");
        }
        var stackYaml = asMap(load(stackFile), stackFile);
        var rawConfig = stackYaml.get("config");
        var config = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        if (rawConfig instanceof Map<?, ?> entries) {
            var gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
            for (var entry : entries.entrySet()) {
                var key = String.valueOf(entry.getKey());
                var fullKey = key.contains(":") ? key : projectName + ":" + key;
                var holder = new boolean[1];
                var value = redact(entry.getValue(), holder);
                if (holder[0]) {
                    secrets.add(fullKey);
                }
                config.put(fullKey, value instanceof String s ? s
                        : value instanceof Map || value instanceof List ? gson.toJson(value) : String.valueOf(value));
            }
        } else if (rawConfig != null) {
            throw new IOException(stackFile + ": 'config' must be a mapping of keys to values");
        }
        return new PlanRunner.StackInput(projectName, stack, config, secrets);
    }

    public static List<String> stacks(Path root) throws IOException {
        try (var files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("Pulumi.") && f.endsWith(".yaml") && !f.equals("Pulumi.yaml"))
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length()))
                    .sorted().toList();
        }
    }

    /** Replaces every {@code secure:} value with the placeholder; flags that one was found. */
    private static Object redact(Object value, boolean[] found) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                found[0] = true;
                return Plan.SECRET_PLACEHOLDER;
            }
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), redact(v, found)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> redact(v, found)).toList();
        }
        return value;
    }

    private static Object load(Path file) throws IOException {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (var reader = Files.newBufferedReader(file)) {
            return yaml.load(reader);
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object yaml, Path file) throws IOException {
        if (yaml instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IOException(file.getFileName() + " must be a YAML mapping");
    }
}
