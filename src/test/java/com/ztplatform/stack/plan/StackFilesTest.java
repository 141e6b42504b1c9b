package com.ztplatform.stack.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stack files are read as the Pulumi CLI reads them: YAML 1.2, duplicate keys refused, plain values as written. */
class StackFilesTest {
    private static Path project(Path dir, String stackYaml) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: zt-databricks\nruntime: java\n");
        Files.writeString(dir.resolve("Pulumi.t.yaml"), stackYaml);
        return dir;
    }

    @Test
    void yesNoOnOffAreStringsAsInYaml12(@TempDir Path dir) throws IOException {
        var input = StackFiles.read(project(dir, """
                config:
                  zt-databricks:protect: yes
                  zt-databricks:lock: off
                  zt-databricks:bootstrap: True
                  zt-databricks:hub:
                    bastion: {copyPaste: on, tunneling: true, fileCopy: FALSE}
                """), "t");
        // Plain values reach the program as written, as the CLI passes them.
        assertThat(input.config()).containsEntry("zt-databricks:protect", "yes")
                .containsEntry("zt-databricks:lock", "off").containsEntry("zt-databricks:bootstrap", "True");
        // Inside structured values YAML 1.2 core-schema typing applies: on is a string, TRUE/true/FALSE booleans.
        assertThat(input.config().get("zt-databricks:hub"))
                .isEqualTo("{\"bastion\":{\"copyPaste\":\"on\",\"tunneling\":true,\"fileCopy\":false}}");
    }

    @Test
    void aDuplicateKeyIsAnErrorWithItsLine(@TempDir Path dir) throws IOException {
        project(dir, """
                config:
                  zt-databricks:environment: dev
                  zt-databricks:namePrefix: ztp
                  zt-databricks:environment: prod
                """);
        assertThatThrownBy(() -> StackFiles.read(dir, "t")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Pulumi.t.yaml is not valid YAML (line 4, column 3): duplicate key "
                        + "'zt-databricks:environment'")
                .message().doesNotContain(dir.toString());
    }

    @Test
    void aDuplicateKeyInsideAStructuredValueIsAnErrorToo(@TempDir Path dir) throws IOException {
        project(dir, """
                config:
                  zt-databricks:hub:
                    addressSpace: 10.10.0.0/23
                    addressSpace: 10.20.0.0/23
                """);
        assertThatThrownBy(() -> StackFiles.read(dir, "t")).hasMessageContaining("duplicate key 'addressSpace'");
    }

    @Test
    void encryptedValuesBecomePlaceholdersAndSecretKeys(@TempDir Path dir) throws IOException {
        var input = StackFiles.read(project(dir, """
                config:
                  zt-databricks:landingClientSecret:
                    secure: v1:c2VjcmV0
                  zt-databricks:empty:
                """), "t");
        assertThat(input.config()).containsEntry("zt-databricks:landingClientSecret", "[secret]")
                .containsEntry("zt-databricks:empty", "");
        assertThat(input.secretKeys()).containsExactly("zt-databricks:landingClientSecret");
    }

    @Test
    void messagesNameFilesNotAbsolutePaths(@TempDir Path dir) throws IOException {
        project(dir, "config: [not, a, mapping]\n");
        assertThatThrownBy(() -> StackFiles.read(dir, "t")).hasMessageStartingWith("Pulumi.t.yaml: 'config' must be a mapping")
                .message().doesNotContain(dir.toString());
        assertThatThrownBy(() -> StackFiles.read(dir, "nope")).hasMessage("no stack file Pulumi.nope.yaml (stacks here: t)");
        assertThatThrownBy(() -> StackFiles.findProjectRoot(Path.of("/")))
                .hasMessage("no Pulumi.yaml in '/' or any parent directory; run from the project directory or pass --root");
    }
}
