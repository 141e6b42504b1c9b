package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link DatabricksProvider} ({@code pulumi:providers:databricks}); non-string inputs are sent JSON-encoded, as pulumi-java-gen does for provider inputs.
 *
 * <ul>
 *   <li>{@code host}: string</li>
 *   <li>{@code azureClientSecret}: string; secret</li>
 *   <li>{@code azureUseMsi}: boolean; sent JSON-encoded</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class DatabricksProviderArgs extends ResourceArgs {
    @Import(
            name = "host"
    )
    @Nullable
    private final Output<String> host;

    @Import(
            name = "azureClientSecret"
    )
    @Nullable
    private final Output<String> azureClientSecret;

    @Import(
            name = "azureUseMsi",
            json = true
    )
    @Nullable
    private final Output<Boolean> azureUseMsi;

    private DatabricksProviderArgs(Builder builder) {
        this.host = builder.host;
        this.azureClientSecret = builder.azureClientSecret;
        this.azureUseMsi = builder.azureUseMsi;
    }

    /**
     * @return the {@code host} input, empty when it is not set
     */
    public Optional<Output<String>> host() {
        return Optional.ofNullable(this.host);
    }

    /**
     * @return the {@code azureClientSecret} input, empty when it is not set
     */
    public Optional<Output<String>> azureClientSecret() {
        return Optional.ofNullable(this.azureClientSecret);
    }

    /**
     * @return the {@code azureUseMsi} input, empty when it is not set
     */
    public Optional<Output<Boolean>> azureUseMsi() {
        return Optional.ofNullable(this.azureUseMsi);
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link DatabricksProviderArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> host;

        @Nullable
        private Output<String> azureClientSecret;

        @Nullable
        private Output<Boolean> azureUseMsi;

        private Builder() {
        }

        /**
         * @param host the {@code host} input
         * @return this builder
         */
        public Builder host(@Nullable Output<String> host) {
            this.host = host;
            return this;
        }

        /**
         * @param host the {@code host} input
         * @return this builder
         */
        public Builder host(String host) {
            return host(Output.of(host));
        }

        /**
         * @param azureClientSecret the {@code azureClientSecret} input, always sent as a secret
         * @return this builder
         */
        public Builder azureClientSecret(@Nullable Output<String> azureClientSecret) {
            this.azureClientSecret = azureClientSecret == null ? null : azureClientSecret.asSecret();
            return this;
        }

        /**
         * @param azureClientSecret the {@code azureClientSecret} input, always sent as a secret
         * @return this builder
         */
        public Builder azureClientSecret(String azureClientSecret) {
            return azureClientSecret(Output.of(azureClientSecret));
        }

        /**
         * @param azureUseMsi the {@code azureUseMsi} input
         * @return this builder
         */
        public Builder azureUseMsi(@Nullable Output<Boolean> azureUseMsi) {
            this.azureUseMsi = azureUseMsi;
            return this;
        }

        /**
         * @param azureUseMsi the {@code azureUseMsi} input
         * @return this builder
         */
        public Builder azureUseMsi(Boolean azureUseMsi) {
            return azureUseMsi(Output.of(azureUseMsi));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public DatabricksProviderArgs build() {
            return new DatabricksProviderArgs(this);
        }
    }
}
