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
 * @param grantPending true in the deployment that makes the account's grant on the key (the stack's first): Azure
 *                    Storage checks the grant when the key is applied, and a role assignment can take up to 10
 *                    minutes to become effective (learn.microsoft.com/azure/role-based-access-control/troubleshooting),
 *                    so {@link StorageEncryption} applies the key from the next deployment on; see
 *                    {@link #withGrantPending}
 */
public record StorageEncryptionKey(Output<String> keyVaultUri, Output<String> keyName, Output<String> keyId,
                                   boolean grantPending) {
    /**
     * Checks that every part is set.
     *
     * @param keyVaultUri  like https://ztp-prod-platform-kv.vault.azure.net/
     * @param keyName      the key's name, without a version
     * @param keyId        the key's ARM resource id
     * @param grantPending whether grants made in this deployment may not be effective yet
     */
    public StorageEncryptionKey {
        Objects.requireNonNull(keyVaultUri, "keyVaultUri");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(keyId, "keyId");
    }

    /**
     * A key whose grants are effective (every deployment after the first).
     *
     * @param keyVaultUri like https://ztp-prod-platform-kv.vault.azure.net/
     * @param keyName     the key's name, without a version
     * @param keyId       the key's ARM resource id
     */
    public StorageEncryptionKey(Output<String> keyVaultUri, Output<String> keyName, Output<String> keyId) {
        this(keyVaultUri, keyName, keyId, false);
    }

    /**
     * This key, in the deployment that makes its grants when {@code pending} (the stack's bootstrap deployment).
     *
     * @param pending whether this deployment makes the account's grant on the key
     * @return the key with that phase
     */
    public StorageEncryptionKey withGrantPending(boolean pending) {
        return new StorageEncryptionKey(keyVaultUri, keyName, keyId, pending);
    }
}
