package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link WorkspaceConf} ({@code databricks:index/workspaceConf:WorkspaceConf}).
 *
 * <ul>
 *   <li>{@code customConfig}: map of string to string</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class WorkspaceConfArgs extends ResourceArgs {
    @Import(
            name = "customConfig"
    )
    @Nullable
    private final Output<Map<String, String>> customConfig;

    private WorkspaceConfArgs(Builder builder) {
        this.customConfig = builder.customConfig;
    }

    /**
     * Key-value map of strings that represent workspace configuration.
     *
     * @return the {@code customConfig} input, empty when it is not set
     */
    public Optional<Output<Map<String, String>>> customConfig() {
        return Optional.ofNullable(this.customConfig);
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link WorkspaceConfArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<Map<String, String>> customConfig;

        private Builder() {
        }

        /**
         * Key-value map of strings that represent workspace configuration.
         *
         * @param customConfig the {@code customConfig} input
         * @return this builder
         */
        public Builder customConfig(@Nullable Output<Map<String, String>> customConfig) {
            this.customConfig = customConfig;
            return this;
        }

        /**
         * Key-value map of strings that represent workspace configuration.
         *
         * @param customConfig the {@code customConfig} input
         * @return this builder
         */
        public Builder customConfig(Map<String, String> customConfig) {
            return customConfig(Output.of(Map.copyOf(customConfig)));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public WorkspaceConfArgs build() {
            return new WorkspaceConfArgs(this);
        }
    }
}
