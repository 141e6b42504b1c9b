package com.ztplatform.stack.plan;

import com.google.gson.GsonBuilder;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI hands them to a program:
 * full keys ({@code project:key}, {@code azure-native:location}), plain values as the text written, structured
 * values as JSON strings.
 *
 * <p>The CLI decodes stack files as YAML 1.2 (go-yaml v3): {@code yes}, {@code no}, {@code on} and {@code off}
 * are strings, not booleans, and a key written twice in one mapping is an error. This reader uses a YAML 1.2
 * core-schema decoder (snakeyaml-engine) for the same result, so the offline plan accepts and rejects what
 * {@code pulumi} does. A plain top-level value reaches the program as the text in the file ({@code True} stays
 * {@code True}), as the CLI passes it; inside structured values, scalars are typed by the core schema.
 *
 * <p>Encrypted values ({@code secure: v1:...}) cannot be decrypted offline and must never be printed: each
 * becomes the placeholder {@value Plan#SECRET_PLACEHOLDER} and its key is marked secret, so the program sees it
 * as a secret and the plan shows only the placeholder.
 *
 * <p>Messages name files by their name only (never an absolute path).
 */
public final class StackFiles {
    private StackFiles() {
    }

    /**
     * Walks up from {@code start} to the directory holding Pulumi.yaml.
     *
     * @param start where to start, usually the working directory
     * @return the project directory
     * @throws IOException when no directory up from {@code start} has a Pulumi.yaml
     */
    public static Path findProjectRoot(Path start) throws IOException {
        for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        var given = start.toString().isEmpty() ? "the current directory" : "'" + start + "'";
        throw new IOException("no Pulumi.yaml in " + given + " or any parent directory; run from the project "
                + "directory or pass --root");
    }

    /**
     * Reads a stack's configuration as the Pulumi CLI would hand it to the program: the stack file's values over
     * the project's declared defaults, with encrypted values marked secret (and never decrypted).
     *
     * @param root  the project directory
     * @param stack the stack name, like {@code dev}
     * @return the project, stack, config and secret keys
     * @throws IOException when a file is missing or malformed, naming it (and, for an unknown stack, the stacks
     *                     that exist)
     */
    public static PlanRunner.StackInput read(Path root, String stack) throws IOException {
        var projectFile = root.resolve("Pulumi.yaml");
        var project = mapping(load(projectFile), projectFile);
        var projectName = project.flatMap(p -> scalar(p, "name")).orElse("");
        if (projectName.isBlank()) {
            throw new IOException("Pulumi.yaml has no project name, like 'name: zt-databricks'");
        }
        var stackFile = root.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            throw new IOException("no stack file " + stackFile.getFileName() + " (stacks here: "
                    + String.join(", ", stacks(root)) + ")");
        }
        var stackYaml = mapping(load(stackFile), stackFile);
        var config = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        var rawConfig = stackYaml.flatMap(m -> value(m, "config"));
        if (rawConfig.isPresent() && !isNull(rawConfig.get())) {
            if (!(rawConfig.get() instanceof MappingNode entries)) {
                throw new IOException(stackFile.getFileName() + ": 'config' must be a mapping of keys to values, "
                        + "like 'config: {" + projectName + ":environment: dev}'");
            }
            var gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
            for (var tuple : entries.getValue()) {
                var key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(construct(tuple.getKeyNode()));
                var fullKey = key.contains(":") ? key : projectName + ":" + key;
                var node = tuple.getValueNode();
                String value;
                if (node instanceof ScalarNode s) {
                    // The CLI passes a plain value as written; an empty value is an empty string.
                    value = isNull(s) ? "" : s.getValue();
                } else {
                    var holder = new boolean[1];
                    var redacted = redact(construct(node), holder);
                    if (holder[0]) {
                        secrets.add(fullKey);
                    }
                    value = redacted instanceof String str ? str : gson.toJson(redacted);
                }
                config.put(fullKey, value);
            }
        }
        return new PlanRunner.StackInput(projectName, stack, config, secrets);
    }

    /**
     * The stacks the project has, for "no stack file" messages.
     *
     * @param root the project directory
     * @return the names of its {@code Pulumi.<stack>.yaml} files, sorted
     * @throws IOException when the directory cannot be listed
     */
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

    private static LoadSettings settings(String label) {
        // Duplicate keys are refused (the default, stated because Pulumi relies on it); YAML 1.2 core schema.
        return LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
    }

    private static Optional<Node> load(Path file) throws IOException {
        var name = file.getFileName().toString();
        try (var reader = Files.newBufferedReader(file)) {
            var node = new Compose(settings(name)).composeReader(reader);
            // Constructing the whole document once is what detects duplicate keys anywhere in it.
            new StandardConstructor(settings(name)).constructSingleDocument(node);
            return node;
        } catch (MarkedYamlEngineException e) {
            var where = e.getProblemMark().or(e::getContextMark)
                    .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("");
            var problem = e.getProblem() == null ? "" : e.getProblem();
            if (problem.startsWith("found duplicate key")) {
                problem = problem.replaceFirst("^found duplicate key (.*)$", "duplicate key '$1': a key may appear "
                        + "once per mapping (Pulumi rejects the file too); keep one");
            }
            throw new IOException(name + " is not valid YAML" + where + ": " + problem);
        } catch (YamlEngineException e) {
            throw new IOException(name + " is not valid YAML: " + e.getMessage());
        }
    }

    private static Object construct(Node node) {
        return new StandardConstructor(settings("config")).constructSingleDocument(Optional.of(node));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static Optional<MappingNode> mapping(Optional<Node> node, Path file) throws IOException {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof MappingNode m) {
            return Optional.of(m);
        }
        throw new IOException(file.getFileName() + " must be a YAML mapping, like 'config: {...}'");
    }

    private static Optional<Node> value(MappingNode map, String key) {
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
                .map(t -> t.getValueNode()).findFirst();
    }

    private static Optional<String> scalar(MappingNode map, String key) {
        return value(map, key).filter(n -> n instanceof ScalarNode && !isNull(n)).map(n -> ((ScalarNode) n).getValue());
    }
}
