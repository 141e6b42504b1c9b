package com.ztplatform.components.keyvault;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * The customer-managed key a storage account is encrypted with, as a reference: the vault, the key's name (no
 * version, so Azure Storage follows the key's rotations by itself) and the key's resource id, the scope of the one
 * role the account's encryption identity gets on it. Small on purpose, so an account does not depend on how the key
 * is made ({@link KeyVaultScope#storageKey}, or a key another team manages). {@link StorageEncryption} turns it into
 * what an account needs.
 *
 * @param keyVaultUri like https://ztp-prod-platform-kv.vault.azure.net/
 * @param keyName     like lake-storage-rsahsm3072
 * @param keyId       the key's ARM resource id, like
 *                    /subscriptions/.../providers/Microsoft.KeyVault/vaults/ztp-prod-platform-kv/keys/lake-storage-rsahsm3072
 */
public record StorageEncryptionKey(Output<String> keyVaultUri, Output<String> keyName, Output<String> keyId) {
    /**
     * Checks that every part is set.
     *
     * @param keyVaultUri like https://ztp-prod-platform-kv.vault.azure.net/
     * @param keyName     the key's name, without a version
     * @param keyId       the key's ARM resource id
     */
    public StorageEncryptionKey {
        Objects.requireNonNull(keyVaultUri, "keyVaultUri");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(keyId, "keyId");
    }
}
