package com.ztplatform.components.databricks;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Customer-managed keys of a workspace; each is off until a key is supplied.
 *
 * <p>Two keys are used by identities that must hold a role on the key before the workspace uses it, and role
 * assignments take minutes to propagate (learn.microsoft.com/azure/role-based-access-control/troubleshooting,
 * "role assignment changes ... up to 10 minutes"). So both follow the same two-deployment sequence, and
 * {@code keyStage} says which deployment this is:
 * <ul>
 *   <li>managed services: the AzureDatabricks application is granted the key; the key is applied in a later
 *       deployment, which also waits for the grant. Databricks checks access to the key when it is set.</li>
 *   <li>DBFS root: (1) the workspace is prepared for encryption, which gives its storage account a managed
 *       identity; (2) that identity is granted the key; (3) the key is applied. Step 3 cannot happen in the
 *       deployment that creates the workspace (the grant needs the identity the workspace creation returns).</li>
 * </ul>
 *
 * @param managedServices       notebooks, secrets and queries in the control plane
 * @param managedDisk           cluster VM disks (rotated to the key's latest version automatically); its identity
 *                              is created by the workspace, so it is granted afterwards and needs no stage
 * @param dbfsRoot              the workspace storage account (DBFS root)
 * @param keyStage              {@link KeyStage#PREPARE} on the first deployment, {@link KeyStage#APPLY} after it
 * @param dbfsRootGrants        with APPLY: the role assignments that give the storage identity the key; the
 *                              workspace update waits for them
 * @param managedServicesGrants with APPLY: the role assignment that gives AzureDatabricks the managed-services key;
 *                              the workspace waits for it
 */
public record WorkspaceKeys(Optional<CustomerManagedKey> managedServices, Optional<CustomerManagedKey> managedDisk,
                            Optional<CustomerManagedKey> dbfsRoot, KeyStage keyStage,
                            List<Resource> dbfsRootGrants, List<Resource> managedServicesGrants) {

    /** Which step of the key sequences a deployment performs. */
    public enum KeyStage {
        /** Grants are made; the DBFS-root and managed-services keys are not applied yet. */
        PREPARE,
        /** The keys are applied (their grants exist, and have propagated, since the previous deployment). */
        APPLY
    }

    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param managedServices notebooks, secrets and queries in the control plane
     * @param managedDisk cluster VM disks (rotated to the key's latest version automatically); its identity is
     *                    created by the workspace, so it is granted afterwards and needs no stage
     * @param dbfsRoot the workspace storage account (DBFS root)
     * @param keyStage {@link KeyStage#PREPARE} on the first deployment, {@link KeyStage#APPLY} after it
     * @param dbfsRootGrants with APPLY: the role assignments that give the storage identity the key; the workspace
     *                       update waits for them
     * @param managedServicesGrants with APPLY: the role assignment that gives AzureDatabricks the managed-services
     *                              key; the workspace waits for it
     */
    public WorkspaceKeys {
        Objects.requireNonNull(managedServices, "managedServices");
        Objects.requireNonNull(managedDisk, "managedDisk");
        Objects.requireNonNull(dbfsRoot, "dbfsRoot");
        Objects.requireNonNull(keyStage, "keyStage");
        dbfsRootGrants = List.copyOf(dbfsRootGrants);
        managedServicesGrants = List.copyOf(managedServicesGrants);
    }

    /**
     * Keys at the {@link KeyStage#PREPARE} stage, without grants yet.
     *
     * @param managedServices the managed-services key, or empty
     * @param managedDisk     the managed-disk key, or empty
     * @param dbfsRoot        the DBFS-root key, or empty
     */
    public WorkspaceKeys(Optional<CustomerManagedKey> managedServices, Optional<CustomerManagedKey> managedDisk,
                         Optional<CustomerManagedKey> dbfsRoot) {
        this(managedServices, managedDisk, dbfsRoot, KeyStage.PREPARE, List.of(), List.of());
    }

    /**
     * No customer-managed keys: Microsoft-managed keys everywhere.
     *
     * @return keys with nothing set
     */
    public static WorkspaceKeys none() {
        return new WorkspaceKeys(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Whether this deployment puts the DBFS-root key on the workspace.
     *
     * @return true with a DBFS-root key at the APPLY stage
     */
    public boolean appliesDbfsRootKey() {
        return dbfsRoot.isPresent() && keyStage == KeyStage.APPLY;
    }

    /**
     * Whether this deployment puts the managed-services key on the workspace.
     *
     * @return true with a managed-services key at the APPLY stage
     */
    public boolean appliesManagedServicesKey() {
        return managedServices.isPresent() && keyStage == KeyStage.APPLY;
    }
}
