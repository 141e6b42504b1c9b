package com.ztplatform.components.databricks;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * A reference to a Key Vault key used as a customer-managed key. Small on purpose, so the spoke does not
 * depend on how the key is made (the KeyVaultScope component, or a key managed elsewhere).
 *
 * @param keyVaultUri like https://ztp-prod-kv.vault.azure.net/
 * @param keyName     like dbw-managed-services
 * @param keyVersion  the version to use (Databricks needs an explicit version)
 */
public record CustomerManagedKey(Output<String> keyVaultUri, Output<String> keyName, Output<String> keyVersion) {
    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param keyVaultUri like https://ztp-prod-kv.vault.azure.net/
     * @param keyName like dbw-managed-services
     * @param keyVersion the version to use (Databricks needs an explicit version)
     */
    public CustomerManagedKey {
        Objects.requireNonNull(keyVaultUri, "keyVaultUri");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(keyVersion, "keyVersion");
    }
}
