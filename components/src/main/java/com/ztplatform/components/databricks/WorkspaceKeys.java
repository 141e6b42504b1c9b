package com.ztplatform.components.databricks;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Customer-managed keys of a workspace; each is off until a key is supplied.
 *
 * @param managedServices notebooks, secrets and queries in the control plane
 * @param managedDisk     cluster VM disks (rotated to the key's latest version automatically)
 * @param dbfsRoot        the workspace storage account (DBFS root). Azure needs three ordered steps: (1) the
 *                        workspace is prepared for encryption, which gives its storage account a managed identity;
 *                        (2) that identity is granted the key; (3) the key is applied to the workspace. Step 3
 *                        cannot happen in the deployment that creates the workspace (the grant needs the
 *                        identity the workspace creation returns), so {@code dbfsRootStage} says which step this
 *                        deployment is at.
 * @param dbfsRootStage   {@link DbfsRootStage#PREPARE} on the first deployment, {@link DbfsRootStage#APPLY} after it
 * @param dbfsRootGrants  with APPLY: the role assignments that give the storage identity the key; the workspace
 *                        update waits for them
 */
public record WorkspaceKeys(Optional<CustomerManagedKey> managedServices, Optional<CustomerManagedKey> managedDisk,
                            Optional<CustomerManagedKey> dbfsRoot, DbfsRootStage dbfsRootStage,
                            List<Resource> dbfsRootGrants) {

    /** Which step of the DBFS-root key sequence a deployment performs. */
    public enum DbfsRootStage {
        /** Steps 1 and 2: prepare the workspace for encryption; the key owner grants its storage identity. */
        PREPARE,
        /** Step 3: apply the key (the grant exists from the previous deployment). */
        APPLY
    }

    public WorkspaceKeys {
        Objects.requireNonNull(managedServices, "managedServices");
        Objects.requireNonNull(managedDisk, "managedDisk");
        Objects.requireNonNull(dbfsRoot, "dbfsRoot");
        Objects.requireNonNull(dbfsRootStage, "dbfsRootStage");
        dbfsRootGrants = List.copyOf(dbfsRootGrants);
    }

    public WorkspaceKeys(Optional<CustomerManagedKey> managedServices, Optional<CustomerManagedKey> managedDisk,
                         Optional<CustomerManagedKey> dbfsRoot) {
        this(managedServices, managedDisk, dbfsRoot, DbfsRootStage.PREPARE, List.of());
    }

    public static WorkspaceKeys none() {
        return new WorkspaceKeys(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean appliesDbfsRootKey() {
        return dbfsRoot.isPresent() && dbfsRootStage == DbfsRootStage.APPLY;
    }
}
