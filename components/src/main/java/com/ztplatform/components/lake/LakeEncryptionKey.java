package com.ztplatform.components.lake;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * The customer-managed key the lake is encrypted with, as a reference: the vault, the key's name (no version, so
 * Azure Storage follows the key's rotations by itself) and the key's resource id, the scope of the one role the
 * lake's encryption identity gets on it. Small on purpose, so the lake does not depend on how the key is made
 * ({@code KeyVaultScope.lakeKey()}, or a key another team manages).
 *
 * @param keyVaultUri like https://ztp-prod-platform-kv.vault.azure.net/
 * @param keyName     like lake-storage-rsa3072
 * @param keyId       the key's ARM resource id, like
 *                    /subscriptions/.../providers/Microsoft.KeyVault/vaults/ztp-prod-platform-kv/keys/lake-storage-rsa3072
 */
public record LakeEncryptionKey(Output<String> keyVaultUri, Output<String> keyName, Output<String> keyId) {
    /**
     * Checks that every part is set.
     *
     * @param keyVaultUri like https://ztp-prod-platform-kv.vault.azure.net/
     * @param keyName     the key's name, without a version
     * @param keyId       the key's ARM resource id
     */
    public LakeEncryptionKey {
        Objects.requireNonNull(keyVaultUri, "keyVaultUri");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(keyId, "keyId");
    }
}
