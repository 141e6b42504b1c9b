package com.ztplatform.components.keyvault;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * A customer-managed key as a disk encryption set takes it (learn.microsoft.com/azure/virtual-machines/disk-encryption):
 * small on purpose, so a component encrypting disks does not depend on how the key is made.
 *
 * @param vaultId the vault's ARM id (the set's {@code sourceVault})
 * @param keyUrl  the key's URL with its version, like https://ztp-prod-platform-kv.vault.azure.net/keys/router-os-disk-rsahsm3072/0123...
 * @param keyId   the key's ARM id, the scope of the one role the set's identity gets
 */
public record DiskEncryptionKey(Output<String> vaultId, Output<String> keyUrl, Output<String> keyId) {
    /**
     * Checks that every part is set.
     *
     * @param vaultId the vault's ARM id
     * @param keyUrl  the versioned key URL
     * @param keyId   the key's ARM id
     */
    public DiskEncryptionKey {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(keyUrl, "keyUrl");
        Objects.requireNonNull(keyId, "keyId");
    }
}
