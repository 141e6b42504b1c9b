package com.ztplatform.components.monitoring;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.operationalinsights.LinkedStorageAccount;
import com.pulumi.azurenative.operationalinsights.LinkedStorageAccountArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.Bypass;
import com.pulumi.azurenative.storage.enums.DefaultAction;
import com.pulumi.azurenative.storage.enums.PublicNetworkAccess;
import com.pulumi.azurenative.storage.enums.SkuName;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.keyvault.StorageEncryption;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer storage account the platform's Log Analytics workspace keeps its saved queries, functions and saved
 * log alert queries in, encrypted with the platform vault's customer-managed key, instead of Microsoft's storage
 * (learn.microsoft.com/azure/azure-monitor/logs/private-storage; learn.microsoft.com/azure/azure-monitor/logs/
 * customer-managed-keys, "Customer-managed key for saved queries and log search alerts"). With the workspace's
 * {@code forceCmkForQuery} ({@link LogAnalytics}) it makes the workspace compliant with Azure's built-in
 * "Saved-queries in Azure Monitor should be saved in customer storage account for logs encryption".
 *
 * <p>What Azure requires, per those pages: the account in the workspace's region; Azure Monitor admitted through the
 * "trusted Microsoft services" exception of a default-Deny firewall; the workspace with a managed identity (since
 * 31 August 2025, to add or update linked accounts for queries and alerts). One account is linked for both data
 * source types, {@value #QUERY} and {@value #ALERTS}.
 *
 * <p>The account: StorageV2, ZRS, shared keys off (Azure Monitor reaches it as the workspace's system-assigned
 * identity, which gets Storage Table Data Contributor on this account only), Entra ID by default in the portal, TLS 1.2,
 * HTTPS only, no anonymous blob access, no cross-tenant replication, infrastructure encryption, the customer-managed
 * key through a user-assigned identity holding Key Vault Crypto Service Encryption User on that one key, granted
 * before the account exists, soft delete, audit logs to the workspace, a blob private endpoint in the hub's blob zone
 * for operators, and a CanNotDelete lock when the stack locks. The public endpoint stays enabled with default action
 * Deny, no network rule and only the trusted-services bypass: trusted-service exceptions are network rules, which
 * apply only while the public endpoint is enabled (learn.microsoft.com/azure/storage/common/storage-network-security).
 *
 * <pre>{@code
 * var queries = new SavedQueryStorage("saved-queries", SavedQueryStorageArgs.builder().resourceGroupName(hubRg.name())
 *         .naming(naming).workspace(logs.created().orElseThrow())
 *         .encryptionKey(keyVault.storageKey(KeyPurpose.SAVED_QUERIES).orElseThrow())
 *         .privateEndpointSubnetId(hub.privateEndpointSubnetId())
 *         .blobPrivateDnsZoneId(hub.privateDnsZoneId(PrivateDnsZones.BLOB)).common(withLogs).build(), null);
 * }</pre>
 */
public class SavedQueryStorage extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:monitoring:SavedQueryStorage";
    /** Linked storage data source type of saved queries and functions. */
    public static final String QUERY = "Query";
    /** Linked storage data source type of saved log alert queries. */
    public static final String ALERTS = "Alerts";
    /** The data source types this account is linked for, in creation order. */
    public static final List<String> DATA_SOURCE_TYPES = List.of(QUERY, ALERTS);
    /** The account's name stem (the name is {@code <prefix><env>queries<suffix>}). */
    public static final String ACCOUNT_LABEL = "queries";

    private final Output<String> storageAccountId;

    /**
     * Creates the account, its key identity and grant, endpoint, diagnostics, lock, the workspace identity's data
     * role and the links.
     *
     * @param name    logical name, like saved-queries
     * @param args    the arguments
     * @param options component options, or null
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public SavedQueryStorage(String name, SavedQueryStorageArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("SavedQueryStorage", name, args.problems());
        var cmk = StorageEncryption.create(name, args.encryptionKey(), args.resourceGroupName(),
                args.workspace().location(),
                args.naming().name(ResourceKind.USER_ASSIGNED_IDENTITY, ACCOUNT_LABEL, "cmk", "id"),
                args.common().sortedTags(),
                "the saved-query storage account wraps its data keys with this key (this key only)", this);
        if (args.bootstrap()) {
            // Azure Storage checks the key grant when the account is created, and a role assignment can take up to
            // 10 minutes to become effective (learn.microsoft.com/azure/role-based-access-control/troubleshooting):
            // the first deployment makes the identity and its grant, the next one the account (as DataLake does).
            this.storageAccountId = null;
            registerOutputs(Map.of());
            return;
        }
        var account = new StorageAccount(name + "-account", hardened(StorageAccountArgs.builder(), args)
                .identity(cmk.identityArgs()).encryption(cmk.encryptionArgs()).build(),
                cmk.accountOptions(this, args.common().protect()));
        this.storageAccountId = account.id();
        var blobService = new BlobServiceProperties(name + "-blob", BlobServicePropertiesArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .blobServicesName("default")
                .deleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true).days(30).build())
                .containerDeleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true).days(30).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        Diagnostics.sendStorage(name + "-diag", account.id(), args.common(), this, blobService);
        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.workspace().location()).naming(args.naming())
                .targetName(ACCOUNT_LABEL).targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(account.id())
                .endpoints(List.of(new EndpointSpec("blob", "blob", args.privateEndpointSubnetId(),
                        args.blobPrivateDnsZoneId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());
        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(account.id())
                    .level("CanNotDelete")
                    .lockName(args.naming().name(ResourceKind.RESOURCE_GROUP, ACCOUNT_LABEL, "lock"))
                    .notes("Protects the saved-query storage of the platform's Log Analytics workspace; remove deliberately.")
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
        }
        // Azure Monitor keeps saved queries and log alert queries in a table of this account and, since the
        // enforcement announced for 31 August 2025, reaches it as the workspace's managed identity, which needs
        // Storage Table Data Contributor on the account ("Add a role assignment",
        // learn.microsoft.com/azure/azure-monitor/logs/private-storage). Shared keys stay off: that identity is the
        // only way in, and the role is on this account only.
        var dataGrant = RoleGrants.assign(name + "-workspace-writes", account.id(), args.workspace().principalId(),
                com.ztplatform.components.common.BuiltInRole.STORAGE_TABLE_DATA_CONTRIBUTOR.guid(),
                "the Log Analytics workspace keeps its saved queries and saved log alert queries in this account", this);
        var waitFor = new java.util.ArrayList<Resource>(List.of(dataGrant, blobService));
        for (var type : DATA_SOURCE_TYPES) {
            // One link at a time (both are children of the one workspace), each after the workspace may write.
            waitFor.add(new LinkedStorageAccount(name + "-" + type.toLowerCase(java.util.Locale.ROOT),
                    LinkedStorageAccountArgs.builder()
                            .resourceGroupName(args.resourceGroupName())
                            .workspaceName(args.workspace().name())
                            .dataSourceType(type)
                            .storageAccountIds(account.id().applyValue(List::of))
                            .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.copyOf(waitFor)).build()));
        }
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("storageAccountId", storageAccountId);
        registerOutputs(outputs);
    }

    /**
     * The account's settings besides its key (see the class comment).
     *
     * @param builder the builder the key settings are on
     * @param args    the arguments
     * @return the builder
     */
    static StorageAccountArgs.Builder hardened(StorageAccountArgs.Builder builder, SavedQueryStorageArgs args) {
        return com.ztplatform.components.common.StorageBaseline.apply(builder)
                .resourceGroupName(args.resourceGroupName())
                .location(args.workspace().location())
                .accountName(accountName(args.naming()))
                .sku(SkuArgs.builder().name(SkuName.Standard_ZRS).build())
                .publicNetworkAccess(PublicNetworkAccess.Enabled)
                .networkRuleSet(networkRuleSet())
                .tags(args.common().sortedTags());
    }

    /**
     * The account's firewall: deny every network; only trusted Azure services (Azure Monitor, as the workspace's
     * identity) pass, through the public endpoint; operators use the private endpoint.
     *
     * @return the network rule set
     */
    static NetworkRuleSetArgs networkRuleSet() {
        return NetworkRuleSetArgs.builder()
                .defaultAction(DefaultAction.Deny)
                .bypass(Bypass.AzureServices)
                .ipRules(List.of())
                .virtualNetworkRules(List.of())
                .build();
    }

    /**
     * The account's name: {@code <prefix><environment>queries} and the stack's global suffix, like
     * {@code ztpdevqueriesllwby}.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String accountName(Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, ACCOUNT_LABEL);
    }

    /**
     * The account's resource id.
     *
     * @return the ARM id; empty in the bootstrap deployment, which makes only the key identity and grant
     */
    public Optional<Output<String>> storageAccountId() {
        return Optional.ofNullable(storageAccountId);
    }
}
