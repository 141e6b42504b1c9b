package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.List;

/**
 * Arguments of {@link SavedQueryStorage}. Build with {@link #builder()}; every field is checked when the component is
 * constructed. The account's region is the workspace's ({@link LogAnalytics.Created#location()}): Azure links only an
 * account in the workspace's region (learn.microsoft.com/azure/azure-monitor/logs/private-storage).
 *
 * @param resourceGroupName       where the account goes, like hubRg.name() (required)
 * @param naming                  prefix, environment and global suffix (required)
 * @param workspace               the workspace this stack created, like logs.created().orElseThrow() (required)
 * @param encryptionKey           the account's customer-managed key, like keyVault.storageKey(SAVED_QUERIES) (required)
 * @param bootstrap               the stack's first deployment: only the key identity and its grant are made, the
 *                                account and its links follow the next deployment (default false)
 * @param privateEndpointSubnetId the hub's private endpoint subnet, like hub.privateEndpointSubnetId() (required)
 * @param blobPrivateDnsZoneId    the hub's privatelink.blob.core.windows.net zone (required)
 * @param common                  tags, protect, lock and the diagnostics workspace. Default: {@link CommonOptions#defaults()}
 */
public record SavedQueryStorageArgs(Output<String> resourceGroupName, Naming naming, LogAnalytics.Created workspace,
                                    StorageEncryptionKey encryptionKey, Output<String> privateEndpointSubnetId,
                                    Output<String> blobPrivateDnsZoneId, CommonOptions common, boolean bootstrap) {
    /**
     * A builder with the defaults documented on the record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem of these arguments; {@link SavedQueryStorage} fails listing them all.
     *
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (resourceGroupName == null) {
            problems.add("resourceGroupName is required, like hubRg.name()");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\")");
        }
        if (workspace == null) {
            problems.add("workspace is required: the Log Analytics workspace this stack creates, like "
                    + "logs.created().orElseThrow() (an existing central workspace links its own storage)");
        } else if (workspace.location() == null || workspace.location().isBlank()) {
            problems.add("workspace.location is required (the account must be in the workspace's region), like westeurope");
        }
        if (encryptionKey == null) {
            problems.add("encryptionKey is required, like keyVault.storageKey(KeyPurpose.SAVED_QUERIES).orElseThrow()");
        }
        if (privateEndpointSubnetId == null) {
            problems.add("privateEndpointSubnetId is required, like hub.privateEndpointSubnetId()");
        }
        if (blobPrivateDnsZoneId == null) {
            problems.add("blobPrivateDnsZoneId is required, like hub.privateDnsZoneId(PrivateDnsZones.BLOB)");
        }
        if (common == null) {
            problems.add("common is required, like CommonOptions.defaults()");
        }
        return problems;
    }

    /** Builds {@link SavedQueryStorageArgs}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private Naming naming;
        private LogAnalytics.Created workspace;
        private StorageEncryptionKey encryptionKey;
        private Output<String> privateEndpointSubnetId;
        private Output<String> blobPrivateDnsZoneId;
        private boolean bootstrap;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value the resource group of the account, like hubRg.name()
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }

        /**
         * @param value the naming convention of the account and its identity
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value the workspace the account is linked to, like logs.created().orElseThrow()
         * @return this builder
         */
        public Builder workspace(LogAnalytics.Created value) { this.workspace = value; return this; }

        /**
         * @param value the account's customer-managed key
         * @return this builder
         */
        public Builder encryptionKey(StorageEncryptionKey value) { this.encryptionKey = value; return this; }

        /**
         * @param value whether this is the stack's first (bootstrap) deployment; default false
         * @return this builder
         */
        public Builder bootstrap(boolean value) { this.bootstrap = value; return this; }

        /**
         * @param value the subnet of the account's blob private endpoint
         * @return this builder
         */
        public Builder privateEndpointSubnetId(Output<String> value) { this.privateEndpointSubnetId = value; return this; }

        /**
         * @param value the privatelink.blob.core.windows.net zone's id
         * @return this builder
         */
        public Builder blobPrivateDnsZoneId(Output<String> value) { this.blobPrivateDnsZoneId = value; return this; }

        /**
         * @param value tags, protect, lock and diagnostics (default {@link CommonOptions#defaults()})
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments; the component checks them.
         *
         * @return the arguments
         */
        public SavedQueryStorageArgs build() {
            return new SavedQueryStorageArgs(resourceGroupName, naming, workspace, encryptionKey, privateEndpointSubnetId,
                    blobPrivateDnsZoneId, common, bootstrap);
        }
    }
}
