package com.ztplatform.stack.config;

import com.ztplatform.stack.Main;
import com.ztplatform.stack.plan.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference and the command-line usage in src/README.md, and Pulumi.yaml's config block, are
 * generated from ConfigSchema and the picocli definition.
 */
class ConfigDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String REGENERATE = "stale: run `mvn -B -DskipTests package && java -cp src/target/zt-platform.jar "
            + "com.ztplatform.stack.config.ConfigDocs .` and commit the result";

    @Test
    void readmeReferenceAndUsageAreGeneratedFromTheirDefinitions() throws IOException {
        var readme = Files.readString(ROOT.resolve(ConfigDocs.README));
        assertThat(readme).as(REGENERATE).isEqualTo(ConfigDocs.readme(readme));
        for (var key : ConfigSchema.keys()) {
            assertThat(readme).contains("| `" + key.path() + "` |");
        }
        assertThat(readme).contains(Main.commandLine(System.out, System.err).getUsageMessage())
                .contains("$ java -jar src/target/zt-platform.jar plan --help\n");
    }

    @Test
    void theTopReadmeHasNoGeneratedBlockLeft() throws IOException {
        var top = Files.readString(ROOT.resolve("README.md"));
        assertThat(top).doesNotContain(ConfigDocs.BEGIN).doesNotContain(ConfigDocs.USAGE_BEGIN);
    }

    @Test
    void pulumiYamlConfigBlockIsGeneratedFromTheSchema() throws IOException {
        var project = Files.readString(ROOT.resolve("Pulumi.yaml"));
        assertThat(project).as(REGENERATE).isEqualTo(ConfigDocs.pulumiYaml(project));
        // Every top-level key is declared or listed, and the file is still YAML Pulumi can read.
        for (var key : ConfigSchema.topLevel()) {
            assertThat(project).containsPattern("(?m)^  (#   )?" + key + "[ :]");
        }
        assertThat(StackFiles.read(ROOT, "dev").project()).isEqualTo("zt-databricks");
    }

    @Test
    void everyKeyTheStackFilesUseIsDefined() throws IOException {
        var used = new TreeSet<String>();
        for (var stack : StackFiles.stacks(ROOT)) {
            StackFiles.read(ROOT, stack).config().keySet().stream().filter(k -> k.startsWith("zt-databricks:"))
                    .forEach(k -> used.add(k.substring("zt-databricks:".length())));
        }
        assertThat(ConfigSchema.topLevel()).containsAll(used);
    }

    @Test
    void enumExamplesAreAllowedValuesAndSecretKeysAreMarked() {
        for (var key : ConfigSchema.keys()) {
            if (!key.allowed().isEmpty() && !key.type().equals("list")) {
                assertThat(key.allowed()).as(key.path()).contains(ConfigSchema.example(key.path()));
            }
        }
        assertThat(ConfigSchema.keys().stream().filter(ConfigSchema.Key::secret).map(ConfigSchema.Key::path))
                .containsExactly("alertWebhookUrls", "landingClientSecret");
    }
}
