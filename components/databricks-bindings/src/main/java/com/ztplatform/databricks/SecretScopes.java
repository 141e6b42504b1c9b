package com.ztplatform.databricks;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * Conveniences for {@link SecretScope} that are logic rather than schema: the backend constants and the Key
 * Vault-backed scope. Key Vault-backed scopes must be created with an Entra ID token (a provider from
 * {@link DatabricksProvider#workspace}), never a PAT. Example:
 * <pre>{@code
 * new SecretScope("kv-scope", SecretScopes.azureKeyVault("platform", vaultId, vaultUri),
 *         CustomResourceOptions.builder().provider(workspaceProvider).build());
 * }</pre>
 */
public final class SecretScopes {
    /** Backend type of a Key Vault-backed scope. */
    public static final String AZURE_KEYVAULT = "AZURE_KEYVAULT";
    /** Backend type of a Databricks-backed scope. */
    public static final String DATABRICKS = "DATABRICKS";

    private SecretScopes() {
    }

    /**
     * A Key Vault-backed scope: backend {@code AZURE_KEYVAULT} with the vault's ARM id and URI.
     *
     * @param name       scope name, like {@code platform}
     * @param resourceId ARM id of the vault
     * @param dnsName    vault URI, like {@code https://kv-name.vault.azure.net/}
     * @return the scope's inputs
     */
    public static SecretScopeArgs azureKeyVault(String name, Output<String> resourceId, Output<String> dnsName) {
        return SecretScopeArgs.builder().name(Objects.requireNonNull(name, "name")).backendType(AZURE_KEYVAULT)
                .keyvaultMetadata(SecretScopeKeyvaultMetadataArgs.builder()
                        .resourceId(Objects.requireNonNull(resourceId, "resourceId"))
                        .dnsName(Objects.requireNonNull(dnsName, "dnsName")).build())
                .build();
    }
}
