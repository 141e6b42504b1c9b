package com.ztplatform.components.lake;

import com.pulumi.core.Output;

import com.pulumi.resources.Resource;

import java.util.List;

/**
 * What Unity Catalog needs from a governed data lake: the storage account, the containers it holds and the
 * Azure Databricks access connector whose managed identity may read and write them. Implemented by the platform's
 * data lake component and, for a lake another stack owns, by anything that can name those three things, so the
 * catalog side ({@code com.ztplatform.components.unitycatalog}) does not depend on how the lake was built.
 */
public interface LakeStorage {

    /**
     * The ADLS Gen2 account's resource id (the scope of the identity's role assignment).
     *
     * @return the account's ARM id
     */
    Output<String> storageAccountId();

    /**
     * The account's name, like {@code stztdevweulake}; planned from configuration where this program owns it.
     *
     * @return the account name
     */
    Output<String> storageAccountName();

    /**
     * The containers (file systems) of the lake, in configuration order.
     *
     * @return the container names
     */
    List<String> containers();

    /**
     * The {@code abfss://<container>@<account>.dfs.core.windows.net/} URL of one container, the form Unity Catalog
     * external locations take; fails naming the containers there are.
     *
     * @param container one of {@link #containers()}
     * @return the container's URL
     */
    Output<String> containerUrl(String container);

    /**
     * The {@code Microsoft.Databricks/accessConnectors} resource id a storage credential is created on.
     *
     * @return the access connector's ARM id
     */
    Output<String> accessConnectorId();

    /**
     * The resource id of the user-assigned identity the access connector uses, which a storage credential names
     * as {@code managedIdentityId} when the connector has a user-assigned identity.
     *
     * @return the user-assigned identity's ARM id
     */
    Output<String> accessConnectorIdentityId();

    /**
     * What must exist before Unity Catalog uses the lake: Databricks validates a storage credential and an external
     * location by reading and writing through the connector's identity when it creates them, so they wait for the
     * containers and for the identity's data role on the account. Default: none (a lake another stack owns is
     * ready before this program runs).
     *
     * @return the resources a storage credential and its external locations depend on
     */
    default List<Resource> dataReady() {
        return List.of();
    }
}
