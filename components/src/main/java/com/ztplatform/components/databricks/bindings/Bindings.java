package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.List;

/** What every binding shares: the default resource options and the required-input check. */
final class Bindings {
    private Bindings() {
    }

    /**
     * The options a generated Databricks SDK would give: {@code version} {@value DatabricksProvider#PLUGIN_VERSION}
     * (so the engine loads that plugin) and the resource's secret outputs; the caller's options are merged over
     * them exactly as generated SDKs do ({@link CustomResourceOptions#merge}): a value the caller sets wins, lists
     * such as {@code additionalSecretOutputs} are combined.
     */
    static CustomResourceOptions withDefaults(@Nullable CustomResourceOptions options, String... secretOutputs) {
        var defaults = CustomResourceOptions.builder().version(DatabricksProvider.PLUGIN_VERSION);
        if (secretOutputs.length > 0) {
            defaults.additionalSecretOutputs(List.of(secretOutputs));
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }

    /** Fails with "{@code <Args>.<property> is required}" when a required input was not set. */
    static <T> Output<T> required(@Nullable Output<T> value, String property) {
        if (value == null) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }
}
