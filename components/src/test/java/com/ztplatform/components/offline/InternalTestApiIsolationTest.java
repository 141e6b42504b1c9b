package com.ztplatform.components.offline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulumi's internal test API ({@code com.pulumi.test.internal}) is not public and may change in any SDK release:
 * only {@link PlanRunner} and its package-private helper {@link RecordingMonitor} may use it.
 */
class InternalTestApiIsolationTest {
    @Test
    void onlyThePlanRunnerUsesPulumisInternalTestApi() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            var users = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("com.pulumi.test.internal");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
            assertThat(users).containsExactlyInAnyOrder("PlanRunner.java", "RecordingMonitor.java");
        }
        assertThat(Modifier.isPublic(RecordingMonitor.class.getModifiers())).as("RecordingMonitor stays package-private")
                .isFalse();
    }
}
