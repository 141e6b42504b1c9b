package com.ztplatform.bindings.generator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's whole output for a small fixture (src/test/resources/golden: fixture-schema.json, a trimmed extract
 * of the real schema subset, and fixture.allowlist, one line per allowlist marker) against committed golden files,
 * byte for byte. The golden files were read, not only copied: they are what pulumi-java-gen writes for these tokens
 * ({@code @ResourceType}, {@code @Export}/{@code @Import} wire names, builders, secret wiring).
 *
 * <p>After an intended generator change, refresh the golden files and review the diff:
 * {@code mvn -B -ntp -o -q -pl components/bindings-generator test -Dtest=GoldenOutputTest -Dgolden.update=true}
 */
class GoldenOutputTest {
    private static final Path DIR = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    private static final Path SOURCES = DIR.resolve("expected/sources");
    private static final Path RESOURCES = DIR.resolve("expected/resources");

    @Test
    void theFixtureGeneratesTheGoldenFilesByteForByte() throws IOException {
        var schema = BindingsGenerator.readSchema(DIR.resolve("fixture-schema.json"));
        var allowlist = Allowlist.read(DIR.resolve("fixture.allowlist"));
        var result = new BindingsGenerator(schema, "com.example.databricks").generate(allowlist);
        if (Boolean.getBoolean("golden.update")) {
            BindingsGenerator.write(SOURCES, result.sources());
            BindingsGenerator.write(RESOURCES, result.resources());
        }
        assertThat(read(SOURCES)).as("generated sources vs %s (refresh: -Dgolden.update=true)", SOURCES)
                .isEqualTo(result.sources());
        assertThat(read(RESOURCES)).as("generated resources vs %s", RESOURCES).isEqualTo(result.resources());
    }

    private static Map<String, String> read(Path root) throws IOException {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
