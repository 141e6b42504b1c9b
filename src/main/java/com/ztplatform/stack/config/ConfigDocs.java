package com.ztplatform.stack.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the parts of the README and {@code Pulumi.yaml} that are generated from {@link ConfigSchema}: the README's
 * configuration reference (between its markers) and {@code Pulumi.yaml}'s {@code config} block (the file's last
 * section). {@code ConfigDocsTest} fails when either is stale. Regenerate from the project root with
 * {@code java -cp src/target/zt-platform.jar com.ztplatform.stack.config.ConfigDocs .}
 */
public final class ConfigDocs {
    public static final String BEGIN = "<!-- config-reference:begin (generated from ConfigSchema; do not edit) -->";
    public static final String END = "<!-- config-reference:end -->";

    private ConfigDocs() {
    }

    public static void main(String[] args) throws IOException {
        var root = Path.of(args.length > 0 ? args[0] : ".");
        var readme = root.resolve("README.md");
        Files.writeString(readme, readme(Files.readString(readme)), StandardCharsets.UTF_8);
        var project = root.resolve("Pulumi.yaml");
        Files.writeString(project, pulumiYaml(Files.readString(project)), StandardCharsets.UTF_8);
        System.out.println("wrote README.md and Pulumi.yaml from ConfigSchema");
    }

    /** The README with its configuration reference regenerated. */
    public static String readme(String current) {
        var begin = current.indexOf(BEGIN);
        var end = current.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README.md has no configuration reference markers " + BEGIN + " ... " + END);
        }
        return current.substring(0, begin + BEGIN.length()) + "\n" + ConfigSchema.readmeTable() + current.substring(end);
    }

    /** Pulumi.yaml with its config block (everything from the top-level {@code config:} line) regenerated. */
    public static String pulumiYaml(String current) {
        var at = current.startsWith("config:") ? 0 : current.indexOf("\nconfig:") + 1;
        if (at <= 0 && !current.startsWith("config:")) {
            return current + (current.endsWith("\n") ? "" : "\n") + ConfigSchema.pulumiYamlConfig(name(current));
        }
        return current.substring(0, at) + ConfigSchema.pulumiYamlConfig(name(current));
    }

    private static String name(String pulumiYaml) {
        for (var line : pulumiYaml.split("\n")) {
            if (line.startsWith("name:")) {
                return line.substring("name:".length()).trim();
            }
        }
        throw new IllegalArgumentException("Pulumi.yaml has no name");
    }
}
