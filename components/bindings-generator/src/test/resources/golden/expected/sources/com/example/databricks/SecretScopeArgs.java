package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link SecretScope} ({@code databricks:index/secretScope:SecretScope}).
 *
 * <ul>
 *   <li>{@code name}: string; required by this binding, optional in the schema; replaces the resource when it changes</li>
 *   <li>{@code backendType}: string</li>
 *   <li>{@code keyvaultMetadata}: {@link SecretScopeKeyvaultMetadataArgs}; replaces the resource when it changes</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class SecretScopeArgs extends ResourceArgs {
    @Import(
            name = "name"
    )
    private final Output<String> name;

    @Import(
            name = "backendType"
    )
    @Nullable
    private final Output<String> backendType;

    @Import(
            name = "keyvaultMetadata"
    )
    @Nullable
    private final Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata;

    private SecretScopeArgs(Builder builder) {
        this.name = Bindings.required(builder.name, "SecretScopeArgs.name");
        this.backendType = builder.backendType;
        this.keyvaultMetadata = builder.keyvaultMetadata;
    }

    /**
     * Scope name requested by the user.
     *
     * @return the {@code name} input
     */
    public Output<String> name() {
        return this.name;
    }

    /**
     * Either <code>DATABRICKS</code> or <code>AZURE_KEYVAULT</code>.
     *
     * @return the {@code backendType} input, empty when it is not set
     */
    public Optional<Output<String>> backendType() {
        return Optional.ofNullable(this.backendType);
    }

    /**
     * @return the {@code keyvaultMetadata} input, empty when it is not set
     */
    public Optional<Output<SecretScopeKeyvaultMetadataArgs>> keyvaultMetadata() {
        return Optional.ofNullable(this.keyvaultMetadata);
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SecretScopeArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> name;

        @Nullable
        private Output<String> backendType;

        @Nullable
        private Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata;

        private Builder() {
        }

        /**
         * Scope name requested by the user.
         *
         * @param name the {@code name} input
         * @return this builder
         */
        public Builder name(@Nullable Output<String> name) {
            this.name = name;
            return this;
        }

        /**
         * Scope name requested by the user.
         *
         * @param name the {@code name} input
         * @return this builder
         */
        public Builder name(String name) {
            return name(Output.of(name));
        }

        /**
         * Either <code>DATABRICKS</code> or <code>AZURE_KEYVAULT</code>.
         *
         * @param backendType the {@code backendType} input
         * @return this builder
         */
        public Builder backendType(@Nullable Output<String> backendType) {
            this.backendType = backendType;
            return this;
        }

        /**
         * Either <code>DATABRICKS</code> or <code>AZURE_KEYVAULT</code>.
         *
         * @param backendType the {@code backendType} input
         * @return this builder
         */
        public Builder backendType(String backendType) {
            return backendType(Output.of(backendType));
        }

        /**
         * @param keyvaultMetadata the {@code keyvaultMetadata} input
         * @return this builder
         */
        public Builder keyvaultMetadata(
                @Nullable Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata) {
            this.keyvaultMetadata = keyvaultMetadata;
            return this;
        }

        /**
         * @param keyvaultMetadata the {@code keyvaultMetadata} input
         * @return this builder
         */
        public Builder keyvaultMetadata(SecretScopeKeyvaultMetadataArgs keyvaultMetadata) {
            return keyvaultMetadata(Output.of(keyvaultMetadata));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public SecretScopeArgs build() {
            return new SecretScopeArgs(this);
        }
    }
}
