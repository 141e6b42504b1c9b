package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Input type {@code databricks:index/SecretScopeKeyvaultMetadata:SecretScopeKeyvaultMetadata}.
 *
 * <ul>
 *   <li>{@code resourceId}: ARM id of the Key Vault (required)</li>
 *   <li>{@code dnsName}: vault URI like {@code https://kv-name.vault.azure.net/} (required)</li>
 * </ul>
 */
public final class SecretScopeKeyvaultMetadataArgs extends ResourceArgs {
    @Import(name = "resourceId", required = true)
    private final Output<String> resourceId;

    @Import(name = "dnsName", required = true)
    private final Output<String> dnsName;

    private SecretScopeKeyvaultMetadataArgs(Builder builder) {
        this.resourceId = Bindings.required(builder.resourceId, "SecretScopeKeyvaultMetadataArgs.resourceId");
        this.dnsName = Bindings.required(builder.dnsName, "SecretScopeKeyvaultMetadataArgs.dnsName");
    }

    public Output<String> resourceId() {
        return this.resourceId;
    }

    public Output<String> dnsName() {
        return this.dnsName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> resourceId;
        private @Nullable Output<String> dnsName;

        private Builder() {
        }

        public Builder resourceId(@Nullable Output<String> resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        public Builder resourceId(String resourceId) {
            return resourceId(Output.of(resourceId));
        }

        public Builder dnsName(@Nullable Output<String> dnsName) {
            this.dnsName = dnsName;
            return this;
        }

        public Builder dnsName(String dnsName) {
            return dnsName(Output.of(dnsName));
        }

        public SecretScopeKeyvaultMetadataArgs build() {
            return new SecretScopeKeyvaultMetadataArgs(this);
        }
    }
}
