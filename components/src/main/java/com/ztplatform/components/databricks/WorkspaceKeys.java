package com.ztplatform.components.databricks;

import java.util.Objects;
import java.util.Optional;

/**
 * Customer-managed keys of a workspace; each is off until a key is supplied.
 *
 * @param managedServices notebooks, secrets and queries in the control plane
 * @param managedDisk     cluster VM disks (rotated to the key's latest version automatically)
 * @param dbfsRoot        the workspace storage account (DBFS root). Azure needs three ordered steps: the
 *                        workspace is prepared for encryption (which gives its storage account an identity),
 *                        that identity is granted the key, then the key is applied. The spoke does the first;
 *                        the key owner grants and applies (see the KeyVaultScope component).
 */
public record WorkspaceKeys(Optional<CustomerManagedKey> managedServices, Optional<CustomerManagedKey> managedDisk,
                            Optional<CustomerManagedKey> dbfsRoot) {
    public WorkspaceKeys {
        Objects.requireNonNull(managedServices, "managedServices");
        Objects.requireNonNull(managedDisk, "managedDisk");
        Objects.requireNonNull(dbfsRoot, "dbfsRoot");
    }

    public static WorkspaceKeys none() {
        return new WorkspaceKeys(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean any() {
        return managedServices.isPresent() || managedDisk.isPresent() || dbfsRoot.isPresent();
    }
}
