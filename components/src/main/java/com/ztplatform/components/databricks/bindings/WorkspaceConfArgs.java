package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link WorkspaceConf} ({@code databricks:index/workspaceConf:WorkspaceConf}).
 *
 * <ul>
 *   <li>{@code customConfig}: workspace configuration keys, like {@code enableIpAccessLists} = {@code "true"} (the
 *       schema types this as a string map)</li>
 * </ul>
 */
public final class WorkspaceConfArgs extends ResourceArgs {
    @Import(name = "customConfig")
    private final @Nullable Output<Map<String, String>> customConfig;

    private WorkspaceConfArgs(Builder builder) {
        this.customConfig = builder.customConfig;
    }

    public Optional<Output<Map<String, String>>> customConfig() {
        return Optional.ofNullable(this.customConfig);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Map<String, String>> customConfig;

        private Builder() {
        }

        public Builder customConfig(@Nullable Output<Map<String, String>> customConfig) {
            this.customConfig = customConfig;
            return this;
        }

        public Builder customConfig(Map<String, String> customConfig) {
            return customConfig(Output.of(Map.copyOf(customConfig)));
        }

        public WorkspaceConfArgs build() {
            return new WorkspaceConfArgs(this);
        }
    }
}
