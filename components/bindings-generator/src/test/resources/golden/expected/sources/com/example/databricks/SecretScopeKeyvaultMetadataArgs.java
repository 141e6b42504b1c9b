package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Input type {@code databricks:index/SecretScopeKeyvaultMetadata:SecretScopeKeyvaultMetadata}.
 *
 * <ul>
 *   <li>{@code resourceId}: string; required; replaces the resource when it changes</li>
 *   <li>{@code dnsName}: string; required; replaces the resource when it changes</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class SecretScopeKeyvaultMetadataArgs extends ResourceArgs {
    @Import(
            name = "resourceId",
            required = true
    )
    private final Output<String> resourceId;

    @Import(
            name = "dnsName",
            required = true
    )
    private final Output<String> dnsName;

    private SecretScopeKeyvaultMetadataArgs(Builder builder) {
        this.resourceId = Bindings.required(builder.resourceId, "SecretScopeKeyvaultMetadataArgs.resourceId");
        this.dnsName = Bindings.required(builder.dnsName, "SecretScopeKeyvaultMetadataArgs.dnsName");
    }

    /**
     * @return the {@code resourceId} input
     */
    public Output<String> resourceId() {
        return this.resourceId;
    }

    /**
     * @return the {@code dnsName} input
     */
    public Output<String> dnsName() {
        return this.dnsName;
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SecretScopeKeyvaultMetadataArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> resourceId;

        @Nullable
        private Output<String> dnsName;

        private Builder() {
        }

        /**
         * @param resourceId the {@code resourceId} input
         * @return this builder
         */
        public Builder resourceId(@Nullable Output<String> resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        /**
         * @param resourceId the {@code resourceId} input
         * @return this builder
         */
        public Builder resourceId(String resourceId) {
            return resourceId(Output.of(resourceId));
        }

        /**
         * @param dnsName the {@code dnsName} input
         * @return this builder
         */
        public Builder dnsName(@Nullable Output<String> dnsName) {
            this.dnsName = dnsName;
            return this;
        }

        /**
         * @param dnsName the {@code dnsName} input
         * @return this builder
         */
        public Builder dnsName(String dnsName) {
            return dnsName(Output.of(dnsName));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public SecretScopeKeyvaultMetadataArgs build() {
            return new SecretScopeKeyvaultMetadataArgs(this);
        }
    }
}
