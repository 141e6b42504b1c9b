package com.ztplatform.components.lake;

import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link DataLake}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the account, its identities and the access connector go (required); Unity Catalog's
 *                          data role is granted on this group, so it must hold no other storage account
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment; the account is named {@code <prefix><env>lake} (required)
 * @param settings          containers, soft delete, redundancy. Default: {@link LakeSettings#defaults()}
 * @param hub               the hub whose private-endpoint subnet and dfs/blob zones the account's endpoints use
 *                          (required)
 * @param encryptionKey     the customer-managed key from the platform vault (required: the lake is never encrypted
 *                          with Microsoft-managed keys only)
 * @param bootstrap         the stack's first deployment: only the two identities and their grants are created, the
 *                          encryption identity's on the key and Unity Catalog's Storage Blob Data Contributor on the
 *                          lake's resource group. Azure Storage checks access to the key when an account is created
 *                          with it, Databricks checks a storage credential by using it, and a role assignment takes up
 *                          to 10 minutes to become effective
 *                          (learn.microsoft.com/azure/role-based-access-control/troubleshooting), so the account and
 *                          the access connector are created by the next deployment, when the grants have propagated.
 *                          Default: false
 * @param common            tags, protect, lock, and the Log Analytics workspace the blob audit logs go to.
 *                          Default: {@link CommonOptions#defaults()}
 */
public record DataLakeArgs(Output<String> resourceGroupName, String location, Naming naming, LakeSettings settings,
                           HubConnection hub, StorageEncryptionKey encryptionKey, boolean bootstrap, CommonOptions common) {

    /** The hub zones the account's dfs and blob endpoints register in. */
    public static final List<String> ZONES = List.of(PrivateDnsZones.DFS, PrivateDnsZones.BLOB);

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName where the account, its identities and the access connector go (required)
     * @param location          region, like westeurope (required)
     * @param naming            prefix and environment (required)
     * @param settings          containers, soft delete, redundancy
     * @param hub               the hub whose private-endpoint subnet and zones the endpoints use (required)
     * @param encryptionKey     the customer-managed key (required)
     * @param bootstrap         create only the encryption identity and its key grant (first deployment)
     * @param common            tags, protect, lock, log workspace (not null)
     */
    public DataLakeArgs {
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "lakeRg.name()", location, naming);
        if (settings == null) {
            problems.add("settings is required, like LakeSettings.defaults()");
        } else {
            problems.addAll(settings.problems("settings"));
        }
        if (hub == null) {
            problems.add("hub is required: the hub whose private-endpoint subnet and dfs/blob zones the lake's "
                    + "endpoints use, like the HubNetwork");
        } else {
            var missing = ZONES.stream().filter(zone -> !hub.privateDnsZones().contains(zone)).toList();
            if (!missing.isEmpty()) {
                problems.add("hub: the lake's private endpoints register in the hub's zones " + ZONES + ", but it lacks "
                        + missing + "; add them to HubNetworkArgs.privateDnsZones");
            }
        }
        if (encryptionKey == null) {
            problems.add("encryptionKey is required: the customer-managed key, like "
                    + "keyVault.lakeKey().orElseThrow() (KeyPurpose.DATA_LAKE in KeyVaultScopeArgs.keys)");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private LakeSettings settings = LakeSettings.defaults();
        private HubConnection hub;
        private StorageEncryptionKey encryptionKey;
        private boolean bootstrap;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the account, its identities and the access connector go, like lakeRg.name() (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) {
            this.resourceGroupName = value;
            return this;
        }

        /**
         * @param value region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) {
            this.location = value;
            return this;
        }

        /**
         * @param value prefix and environment; the account is named {@code <prefix><env>lake} (required)
         * @return this builder
         */
        public Builder naming(Naming value) {
            this.naming = value;
            return this;
        }

        /**
         * @param value containers, soft delete, redundancy. Default: {@link LakeSettings#defaults()}
         * @return this builder
         */
        public Builder settings(LakeSettings value) {
            this.settings = value;
            return this;
        }

        /**
         * @param value the hub whose private-endpoint subnet and dfs/blob zones the account's endpoints use (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) {
            this.hub = value;
            return this;
        }

        /**
         * @param value the customer-managed key, like {@code keyVault.lakeKey().orElseThrow()} (required)
         * @return this builder
         */
        public Builder encryptionKey(StorageEncryptionKey value) {
            this.encryptionKey = value;
            return this;
        }

        /**
         * @param value true in the stack's first deployment: only the encryption identity and its key grant are
         *              created.
         *              Default: false (see {@link DataLakeArgs#bootstrap()})
         * @return this builder
         */
        public Builder bootstrap(boolean value) {
            this.bootstrap = value;
            return this;
        }

        /**
         * @param value tags, protect, lock, and the Log Analytics workspace for blob audit logs. Default:
         *              {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) {
            this.common = value;
            return this;
        }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public DataLakeArgs build() {
            return new DataLakeArgs(resourceGroupName, location, naming, settings, hub, encryptionKey, bootstrap,
                    common);
        }
    }
}
