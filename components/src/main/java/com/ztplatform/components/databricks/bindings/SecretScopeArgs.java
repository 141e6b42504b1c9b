package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link SecretScope} ({@code databricks:index/secretScope:SecretScope}).
 *
 * <ul>
 *   <li>{@code name}: scope name, unique in the workspace; jobs refer to secrets by it (without a name the provider
 *       would auto-name the scope) (required by this binding; optional in the schema)</li>
 *   <li>{@code backendType}: {@code DATABRICKS} or {@code AZURE_KEYVAULT}</li>
 *   <li>{@code keyvaultMetadata}: the Key Vault behind an {@code AZURE_KEYVAULT} scope</li>
 *   <li>{@code initialManagePrincipal}: {@code users} to give every user MANAGE; leave unset on Premium</li>
 * </ul>
 */
public final class SecretScopeArgs extends ResourceArgs {
    /** Backend type of a Key Vault-backed scope. */
    public static final String AZURE_KEYVAULT = "AZURE_KEYVAULT";
    /** Backend type of a Databricks-backed scope. */
    public static final String DATABRICKS = "DATABRICKS";

    @Import(name = "name")
    private final Output<String> name;

    @Import(name = "backendType")
    private final @Nullable Output<String> backendType;

    @Import(name = "keyvaultMetadata")
    private final @Nullable Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata;

    @Import(name = "initialManagePrincipal")
    private final @Nullable Output<String> initialManagePrincipal;

    private SecretScopeArgs(Builder builder) {
        this.name = Bindings.required(builder.name, "SecretScopeArgs.name");
        this.backendType = builder.backendType;
        this.keyvaultMetadata = builder.keyvaultMetadata;
        this.initialManagePrincipal = builder.initialManagePrincipal;
    }

    public Output<String> name() {
        return this.name;
    }

    public Optional<Output<String>> backendType() {
        return Optional.ofNullable(this.backendType);
    }

    public Optional<Output<SecretScopeKeyvaultMetadataArgs>> keyvaultMetadata() {
        return Optional.ofNullable(this.keyvaultMetadata);
    }

    public Optional<Output<String>> initialManagePrincipal() {
        return Optional.ofNullable(this.initialManagePrincipal);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Key Vault-backed scope: backend {@code AZURE_KEYVAULT} with the vault's ARM id and URI.
     *
     * @param name       scope name, like {@code platform}
     * @param resourceId ARM id of the vault
     * @param dnsName    vault URI, like {@code https://kv-name.vault.azure.net/}
     */
    public static SecretScopeArgs azureKeyVault(String name, Output<String> resourceId, Output<String> dnsName) {
        return builder().name(name).backendType(AZURE_KEYVAULT)
                .keyvaultMetadata(SecretScopeKeyvaultMetadataArgs.builder().resourceId(resourceId).dnsName(dnsName).build())
                .build();
    }

    public static final class Builder {
        private @Nullable Output<String> name;
        private @Nullable Output<String> backendType;
        private @Nullable Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata;
        private @Nullable Output<String> initialManagePrincipal;

        private Builder() {
        }

        public Builder name(@Nullable Output<String> name) {
            this.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder backendType(@Nullable Output<String> backendType) {
            this.backendType = backendType;
            return this;
        }

        public Builder backendType(String backendType) {
            return backendType(Output.of(backendType));
        }

        public Builder keyvaultMetadata(@Nullable Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata) {
            this.keyvaultMetadata = keyvaultMetadata;
            return this;
        }

        public Builder keyvaultMetadata(SecretScopeKeyvaultMetadataArgs keyvaultMetadata) {
            return keyvaultMetadata(Output.of(keyvaultMetadata));
        }

        public Builder initialManagePrincipal(@Nullable Output<String> initialManagePrincipal) {
            this.initialManagePrincipal = initialManagePrincipal;
            return this;
        }

        public Builder initialManagePrincipal(String initialManagePrincipal) {
            return initialManagePrincipal(Output.of(initialManagePrincipal));
        }

        public SecretScopeArgs build() {
            return new SecretScopeArgs(this);
        }
    }
}
