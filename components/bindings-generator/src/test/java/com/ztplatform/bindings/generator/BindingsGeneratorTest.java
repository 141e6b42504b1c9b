package com.ztplatform.bindings.generator;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator against the real schema subset and allowlist: deterministic output, clear failures. */
class BindingsGeneratorTest {
    private static JsonObject schema;
    private static Allowlist allowlist;

    @BeforeAll
    static void load() throws Exception {
        var dir = Path.of(System.getProperty("bindings.dir", "../databricks-bindings"), "schema");
        schema = BindingsGenerator.readSchema(dir.resolve("databricks-schema-subset.json"));
        allowlist = Allowlist.read(dir.resolve("bindings.allowlist"));
    }

    @Test
    void twoRunsGiveTheSameBytes() {
        var first = new BindingsGenerator(schema, "com.ztplatform.databricks").generate(allowlist);
        var second = new BindingsGenerator(schema, "com.ztplatform.databricks").generate(allowlist);
        assertThat(second).isEqualTo(first);
        assertThat(first.sources()).containsKeys("com/ztplatform/databricks/SecretScope.java",
                "com/ztplatform/databricks/PermissionsAccessControlArgs.java",
                "com/ztplatform/databricks/DatabricksProviderArgs.java");
        assertThat(first.resources()).containsEntry("com/pulumi/databricks/plugin.json",
                "{\"resource\":true,\"name\":\"databricks\",\"version\":\"1.106.0\"}");
    }

    @Test
    void theSecretResourceSendsItsValueAsASecret() {
        var sources = new BindingsGenerator(schema, "p").generate(allowlist).sources();
        assertThat(sources.get("p/Secret.java")).contains("@ResourceType(\n        type = \"databricks:index/secret:Secret\"")
                .contains("Bindings.withDefaults(options, \"stringValue\")");
        assertThat(sources.get("p/SecretArgs.java")).contains("stringValue == null ? null : stringValue.asSecret()");
    }

    @Test
    void anUnknownResourceOrPropertyOrAMissingRequiredInputFailsNamingTheLine() {
        var generator = new BindingsGenerator(schema, "p");
        assertThatThrownBy(() -> generator.generate(Allowlist.parse("Nope  name\n", "t")))
                .hasMessageContaining("allowlist line 1").hasMessageContaining("no resource databricks:index/nope:Nope");
        assertThatThrownBy(() -> generator.generate(Allowlist.parse("Directory  path pathh\n", "t")))
                .hasMessageContaining("has no input pathh");
        assertThatThrownBy(() -> generator.generate(Allowlist.parse("Directory  deleteRecursive\n", "t")))
                .hasMessageContaining("requires [path]");
    }

    @Test
    void schemaDescriptionsBecomeOneEscapedSentence() {
        // Expectations written by hand: first sentence only, link text kept, code spans as <code>, the characters
        // Javadoc would read as markup (< > & @ { }) escaped, a missing full stop added, nothing for no text.
        assertThat(BindingsGenerator.summary("Either `DATABRICKS` or `AZURE_KEYVAULT`"))
                .isEqualTo("Either <code>DATABRICKS</code> or <code>AZURE_KEYVAULT</code>.");
        assertThat(BindingsGenerator.summary("Use [Secrets](https://docs.databricks.com/x.html#y). Second sentence."))
                .isEqualTo("Use Secrets.");
        assertThat(BindingsGenerator.summary("A <b>map</b> of {k} & @v, e.g. this.\n\nNext paragraph."))
                .isEqualTo("A &lt;b&gt;map&lt;/b&gt; of &#123;k&#125; &amp; &#64;v, e.g. this.");
        assertThat(BindingsGenerator.summary("Ends in */ a comment end")).isEqualTo("Ends in *&#47; a comment end.");
        assertThat(BindingsGenerator.summary("")).isEmpty();
        assertThat(BindingsGenerator.summary(null)).isEmpty();
        var longText = "word ".repeat(100).strip();
        var cut = BindingsGenerator.summary(longText);
        assertThat(cut).endsWith(" ...").hasSizeLessThanOrEqualTo(245);
    }

    @Test
    void writeLeavesUnchangedFilesAloneAndRemovesWhatIsNoLongerGenerated(@org.junit.jupiter.api.io.TempDir Path root)
            throws Exception {
        BindingsGenerator.write(root, java.util.Map.of("p/A.java", "a", "p/B.java", "b", "q/C.java", "c"));
        var old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        java.nio.file.Files.setLastModifiedTime(root.resolve("p/A.java"), old);
        java.nio.file.Files.setLastModifiedTime(root.resolve("p/B.java"), old);
        BindingsGenerator.write(root, java.util.Map.of("p/A.java", "a", "p/B.java", "b2"));
        // Unchanged: not rewritten, so the compiler sees nothing stale. Changed: rewritten. Gone: deleted.
        assertThat(java.nio.file.Files.getLastModifiedTime(root.resolve("p/A.java"))).isEqualTo(old);
        assertThat(java.nio.file.Files.readString(root.resolve("p/B.java"))).isEqualTo("b2");
        assertThat(java.nio.file.Files.getLastModifiedTime(root.resolve("p/B.java"))).isNotEqualTo(old);
        assertThat(root.resolve("q/C.java")).doesNotExist();
        assertThat(root.resolve("q")).doesNotExist();
    }
}
