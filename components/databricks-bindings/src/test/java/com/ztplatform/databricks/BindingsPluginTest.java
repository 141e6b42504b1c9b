package com.ztplatform.databricks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code com/pulumi/databricks/plugin.json} is what makes Pulumi's Java language host report the databricks plugin
 * (so {@code pulumi install}/{@code up} fetch it), exactly as a generated {@code com.pulumi:databricks} jar would.
 */
class BindingsPluginTest {
    private static final String PLUGIN_JSON = "com/pulumi/databricks/plugin.json";

    @Test
    void pluginJsonIsOnTheClasspathOnceWithExactlyTheExpectedContent() throws IOException {
        var loader = DatabricksProvider.class.getClassLoader();
        assertThat(Collections.list(loader.getResources(PLUGIN_JSON))).hasSize(1);
        try (var in = loader.getResourceAsStream(PLUGIN_JSON)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"resource\":true,\"name\":\"databricks\",\"version\":\"1.106.0\"}");
        }
    }

    @Test
    void pulumisOwnPluginDiscoveryReportsDatabricks1106() throws Exception {
        // com.pulumi.bootstrap.internal.PulumiPlugins is what `Main packages` (the language host's plugin query)
        // runs; it matches com/<namespace>/<name>/plugin.json on the classpath.
        var plugins = Class.forName("com.pulumi.bootstrap.internal.PulumiPlugins");
        var fromClasspath = plugins.getDeclaredMethod("fromClasspath", Class.class);
        fromClasspath.setAccessible(true);
        var found = (Map<?, ?>) fromClasspath.invoke(null, DatabricksProvider.class);

        var databricks = found.values().stream().filter(p -> "databricks".equals(field(p, "name"))).toList();
        assertThat(databricks).hasSize(1);
        assertThat(field(databricks.get(0), "version")).isEqualTo(DatabricksProvider.PLUGIN_VERSION);
        assertThat(field(databricks.get(0), "resource")).isEqualTo(true);
    }

    private static Object field(Object plugin, String name) {
        try {
            Field f = plugin.getClass().getField(name);
            return f.get(plugin);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
