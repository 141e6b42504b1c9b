package com.ztplatform.components.lake;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The Delta Sharing account of one environment: where the sharing catalog's tables live, so partners can download
 * shared files without the lake ever admitting a network.
 *
 * <p>Delta Sharing recipients (open and Databricks-to-Databricks alike) read a shared table's files themselves,
 * straight from the provider's storage, through short-lived pre-signed URLs scoped to one file and read-only
 * (github.com/delta-io/delta-sharing/blob/main/PROTOCOL.md; delta-io/delta-sharing PR #59;
 * learn.microsoft.com/azure/databricks/data-sharing/troubleshooting). The lake's firewall admits no network, so this
 * is a second ADLS Gen2 account, in the lake's resource group, with the lake's hardening
 * ({@code DataLake#hardenedAccount}: the lake's customer-managed key through the lake's encryption identity, whose
 * key grant is in place since the bootstrap deployment; infrastructure encryption; shared keys off; TLS 1.2; no
 * anonymous access; soft delete; audit logs; {@code dfs}/{@code blob} private endpoints in the hub's zones for the
 * platform's own writers; NCC rules for serverless, added by the stack), except its public endpoint
 * ({@link DataLake#networkRuleSet}): default action Deny, bypass None, no virtual network rule, the access connector's
 * resource instance rule, and IP rules for exactly the recipients' declared networks. A request from anywhere else is
 * refused before authorisation; a request from a recipient's network still needs a valid pre-signed URL.
 *
 * <p>Unity Catalog's access connector identity holds Storage Blob Data Contributor on the lake's resource group
 * (granted by the bootstrap deployment, {@link DataLake}), which holds the lake and this account and no other storage
 * account: that one grant covers this account, and is effective before Databricks validates the sharing external
 * location. The encryption identity never gets data access.
 *
 * <p>Limitation (Azure): IP rules have no effect on requests from the account's own Azure region, which use private
 * Azure addresses (learn.microsoft.com/azure/storage/common/storage-network-security); a partner whose compute runs in
 * this region cannot be admitted by its egress addresses. The stack refuses such Databricks-to-Databricks recipients.
 *
 * <pre>{@code
 * var sharing = new SharingStorage("sharing", SharingStorageArgs.builder().lake(lake)
 *         .ipRules(settings.storageIpRules()).build(), null);
 * }</pre>
 */
public class SharingStorage extends ComponentResource {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:lake:SharingStorage";
    /** The one container: the sharing catalog's storage root and external location. */
    public static final String CONTAINER = "sharing";

    private final StorageAccount account;
    private final String accountName;
    private final List<Resource> dataReady = new ArrayList<>();

    /**
     * Creates the account, its container, endpoints, audit logs and lock.
     *
     * @param name    the Pulumi resource name, unique in the stack, like sharing
     * @param args    the arguments; every problem is reported at once
     * @param options Pulumi options of the component, or null
     * @throws IllegalArgumentException when the arguments have problems, each naming the field and a valid example
     */
    public SharingStorage(String name, SharingStorageArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("SharingStorage", name, args.problems());
        var lake = args.lake();
        var lakeArgs = lake.args();
        var naming = lakeArgs.naming();
        this.accountName = accountName(naming);
        var tenantId = AuthorizationFunctions.getClientConfig().applyValue(c -> c.tenantId());
        this.account = new StorageAccount(name + "-account", DataLake.hardenedAccount(lakeArgs, accountName,
                lake.encryptionIdentityId(), DataLake.networkRuleSet(lake.accessConnectorId(), tenantId, args.ipRules())),
                com.ztplatform.components.keyvault.StorageEncryption.replacedWhenFixedInputsChange(
                        CustomResourceOptions.builder().parent(this).protect(lakeArgs.common().protect()))
                        .dependsOn(lake.keyGrant()).build());
        var blobService = DataLake.blobService(name, lakeArgs, account, this);
        dataReady.add(DataLake.container(name, lakeArgs, account, CONTAINER, blobService, this));
        // Unity Catalog's data role on the lake's resource group covers this account (see the class comment).
        dataReady.add(lake.catalogDataGrant());

        DataLake.reachedPrivately(name, lakeArgs, account, "sharing", blobService,
                "Protects the Delta Sharing account of the zero-trust platform; remove deliberately.", this);
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("storageAccountId", account.id());
        outputs.put("storageAccountName", account.name());
        registerOutputs(outputs);
    }

    /**
     * The account's name: {@code <prefix><environment>sharing} and the stack's global suffix, like
     * {@code ztpprodsharingk3x9q}.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String accountName(Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "sharing");
    }

    /**
     * The account's resource id.
     *
     * @return the ARM id
     */
    public Output<String> storageAccountId() {
        return account.id();
    }

    /**
     * The account's name.
     *
     * @return the name
     */
    public Output<String> storageAccountName() {
        return account.name();
    }

    /**
     * The {@code abfss://sharing@<account>.dfs.core.windows.net/} URL of the container: the sharing external
     * location's URL and, under it, the sharing catalog's storage root.
     *
     * @return the container URL
     */
    public Output<String> containerUrl() {
        var url = "abfss://" + CONTAINER + "@" + accountName + ".dfs.core.windows.net/";
        return account.name().applyValue(ignored -> url);
    }

    /**
     * What the sharing external location waits for: the container and Unity Catalog's data role.
     *
     * @return the resources
     */
    public List<Resource> dataReady() {
        return List.copyOf(dataReady);
    }
}
