package com.ztplatform.components.keyvault;

import com.pulumi.core.Output;

/** Key references for component tests, shaped as {@link KeyVaultScope#storageKey} returns them. */
public final class TestKeys {
    /** The test vault's ARM id. */
    public static final String VAULT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-prod-hub-rg/providers/Microsoft.KeyVault/vaults/ztp-prod-platform-kv";

    private TestKeys() {
    }

    /**
     * A storage key reference in the test vault.
     *
     * @param keyName the key's name, like func-storage-rsahsm3072
     * @return vault URI, key name and key id
     */
    public static StorageEncryptionKey storageKey(String keyName) {
        return new StorageEncryptionKey(Output.of("https://ztp-prod-platform-kv.vault.azure.net/"), Output.of(keyName),
                Output.of(VAULT_ID + "/keys/" + keyName));
    }
}
