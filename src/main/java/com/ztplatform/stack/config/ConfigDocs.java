package com.ztplatform.stack.config;

import com.ztplatform.stack.Main;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the generated parts of the documentation: in the stack program's README ({@link #README},
 * {@code src/README.md}) the configuration reference from {@link ConfigSchema} and the command-line usage from the
 * picocli definition ({@link Main}), each between its markers; and {@code Pulumi.yaml}'s {@code config} block (the
 * file's last section) from {@link ConfigSchema}. {@code ConfigDocsTest} fails when any of them is stale.
 * Regenerate from the project root with
 * {@code java -cp src/target/zt-platform.jar com.ztplatform.stack.config.ConfigDocs .}
 */
public final class ConfigDocs {
    /** The README that holds the generated blocks, relative to the project root. */
    public static final String README = "src/README.md";
    /** Opens the generated configuration reference in the README. */
    public static final String BEGIN = "<!-- config-reference:begin (generated from ConfigSchema; do not edit) -->";
    /** Closes the generated configuration reference. */
    public static final String END = "<!-- config-reference:end -->";
    /** Opens the generated command-line usage in the README. */
    public static final String USAGE_BEGIN = "<!-- cli-usage:begin (generated from the picocli definition; do not edit) -->";
    /** Closes the generated command-line usage. */
    public static final String USAGE_END = "<!-- cli-usage:end -->";

    private ConfigDocs() {
    }

    /**
     * Regenerates the README blocks and Pulumi.yaml's config block in place.
     *
     * @param args the project root (default the working directory)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        var root = Path.of(args.length > 0 ? args[0] : ".");
        var readme = root.resolve(README);
        Files.writeString(readme, readme(Files.readString(readme)), StandardCharsets.UTF_8);
        var project = root.resolve("Pulumi.yaml");
        Files.writeString(project, pulumiYaml(Files.readString(project)), StandardCharsets.UTF_8);
        System.out.println("wrote " + README + " and Pulumi.yaml from ConfigSchema and the command line");
    }

    /**
     * The README with its configuration reference and its command-line usage regenerated.
     *
     * @param current the README's text
     * @return the text with both generated blocks replaced, the rest unchanged
     */
    public static String readme(String current) {
        var withTable = between(current, BEGIN, END, ConfigSchema.readmeTable());
        return between(withTable, USAGE_BEGIN, USAGE_END, usage());
    }

    /** The usage of the jar and of each command, as {@code --help} prints it, in a fenced block. */
    static String usage() {
        var sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        var cli = Main.commandLine(sink, sink);
        var text = new StringBuilder("```text\n$ java -jar src/target/zt-platform.jar --help\n")
                .append(cli.getUsageMessage());
        for (var command : cli.getSubcommands().values()) {
            text.append("\n$ java -jar src/target/zt-platform.jar ").append(command.getCommandName()).append(" --help\n")
                    .append(command.getUsageMessage());
        }
        return text.append("```\n").toString();
    }

    private static String between(String current, String beginMarker, String endMarker, String content) {
        var begin = current.indexOf(beginMarker);
        var end = current.indexOf(endMarker);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(README + " has no generated-block markers " + beginMarker + " ... " + endMarker);
        }
        return current.substring(0, begin + beginMarker.length()) + "\n" + content + current.substring(end);
    }

    /**
     * Pulumi.yaml with its config block (everything from the top-level {@code config:} line) regenerated.
     *
     * @param current Pulumi.yaml's text
     * @return the text with the config block replaced (or appended when there is none)
     */
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
