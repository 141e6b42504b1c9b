package com.ztplatform.components.common;

import com.pulumi.azurenative.storage.StorageAccountArgs;

/**
 * The settings every storage account of the platform has, whatever it holds, defined once: StorageV2, Entra ID only
 * (shared keys off, OAuth by default in the portal), no anonymous blob access, no object replication to other
 * tenants, TLS 1.2 and HTTPS only. The accounts differ in their network rules, key and hierarchical namespace, which
 * their components set.
 */
public final class StorageBaseline {
    private StorageBaseline() {
    }

    /**
     * Sets the baseline on an account's arguments.
     *
     * @param builder the account's arguments
     * @return the same builder
     */
    public static StorageAccountArgs.Builder apply(StorageAccountArgs.Builder builder) {
        return builder
                .kind("StorageV2")
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .minimumTlsVersion("TLS1_2")
                .enableHttpsTrafficOnly(true);
    }
}
