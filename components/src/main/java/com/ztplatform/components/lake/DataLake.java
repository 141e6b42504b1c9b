package com.ztplatform.components.lake;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.databricks.AccessConnector;
import com.pulumi.azurenative.databricks.AccessConnectorArgs;
import com.pulumi.azurenative.databricks.inputs.ManagedServiceIdentityArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.Action;
import com.pulumi.azurenative.storage.enums.DefaultAction;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.IPRuleArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.ResourceAccessRuleArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.common.StorageBaseline;
import com.ztplatform.components.keyvault.StorageEncryption;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The governed data lake of one environment: an ADLS Gen2 account (hierarchical namespace) that only private
 * endpoints reach, encrypted with a customer-managed key, and the Azure Databricks access connector Unity Catalog
 * reads and writes it through.
 *
 * <ul>
 *   <li>Encryption: infrastructure (double) encryption, and the platform vault's key through a user-assigned identity
 *       that holds Key Vault Crypto Service Encryption User on that key only. The key is named without a version, so
 *       the account follows the vault's rotations by itself
 *       (learn.microsoft.com/azure/storage/common/customer-managed-keys-overview, automatic key version update).</li>
 *   <li>Network: the storage firewall denies every network by default, bypasses no Azure service and lists no IP
 *       or virtual network rule; exactly one resource instance rule admits the access connector below, which is how
 *       Unity Catalog's control plane (validating credentials and locations, Catalog Explorer) reaches a firewalled
 *       account (learn.microsoft.com/azure/databricks/connect/unity-catalog/cloud-storage/azure-managed-identities,
 *       "Configure trusted access to Azure Storage based on your managed identity"). Azure evaluates resource instance
 *       rules only while public network access is "Enabled from selected virtual networks and IP addresses"; with
 *       public network access Disabled only private endpoints pass
 *       (learn.microsoft.com/azure/storage/common/storage-network-security-resource-instances,
 *       learn.microsoft.com/azure/storage/common/storage-network-security-set-default-access), so the account says
 *       {@code publicNetworkAccess: Enabled} with that deny-by-default rule set ({@link #networkRuleSet}). Shared keys
 *       off (Entra ID only), TLS 1.2, no anonymous blob access; {@code dfs} and {@code blob} private endpoints in the
 *       hub's endpoint subnet, registered in the hub's zones, for clusters. Serverless compute reaches the account
 *       through NCC private endpoint rules ({@link #PRIVATE_ENDPOINT_GROUP_IDS}), which the stack adds to its network
 *       connectivity configuration.</li>
 *   <li>Recovery: blob and container soft delete for {@link LakeSettings}' days. Versioning is not available with
 *       a hierarchical namespace.</li>
 *   <li>Audit: the blob service's audit logs (reads, writes, deletes) to the platform's Log Analytics workspace.</li>
 *   <li>Unity Catalog: a second user-assigned identity and an access connector using it; that identity holds Storage
 *       Blob Data Contributor on the lake's resource group, which holds this account and, when Delta Sharing has
 *       recipients, the {@link SharingStorage} account, and no other storage account, granted by the
 *       bootstrap deployment so it is effective when Databricks first uses the credential.</li>
 * </ul>
 *
 * <pre>{@code
 * var lake = new DataLake("lake", DataLakeArgs.builder().resourceGroupName(rg.name()).location("westeurope")
 *         .naming(naming).settings(LakeSettings.defaults()).hub(hub)
 *         .encryptionKey(keyVault.lakeKey().orElseThrow()).common(common).build(), null);
 * }</pre>
 */
public class DataLake extends ComponentResource implements LakeStorage {

    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:lake:DataLake";
    /** The sub-resources with private endpoints, for classic compute (hub endpoints) and serverless (NCC rules). */
    public static final List<String> PRIVATE_ENDPOINT_GROUP_IDS = List.of("dfs", "blob");

    private final DataLakeArgs args;
    private final StorageAccount account;
    private final String accountName;
    private final UserAssignedIdentity catalogIdentity;
    private final UserAssignedIdentity cmkIdentity;
    private final Resource keyGrant;
    private final Resource catalogDataGrant;
    private final AccessConnector accessConnector;
    private final List<Resource> grants = new ArrayList<>();
    /** The containers and Unity Catalog's data role: what the catalog side waits for. */
    private final List<Resource> dataReady = new ArrayList<>();

    /**
     * Creates the lake's encryption identity and key grant and, unless bootstrapping, the ADLS Gen2 account with its
     * containers, private endpoints, Unity Catalog access connector and role assignments.
     *
     * @param name    the Pulumi resource name, unique in the stack, like lake
     * @param args    the arguments; every problem is reported at once
     * @param options Pulumi options of the component (parent, providers), or null
     * @throws IllegalArgumentException when the arguments have problems, each naming the field and a valid example
     */
    public DataLake(String name, DataLakeArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("DataLake", name, args.problems());
        this.args = args;
        var naming = args.naming();
        var tags = args.common().sortedTags();
        var settings = args.settings();
        this.accountName = accountName(naming);

        // The key grant must exist before the account: Azure Storage checks access to the key when the account is
        // created with it.
        var cmk = StorageEncryption.create(name, args.encryptionKey(), args.resourceGroupName(), args.location(),
                naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "lake", "cmk", "id"), tags,
                "the data lake account wraps its data keys with this key (this key only)", this);
        this.cmkIdentity = cmk.identity();
        this.keyGrant = cmk.keyGrant();
        grants.add(keyGrant);

        // Unity Catalog's identity: its own, so the encryption identity never gets data access and this one never
        // gets key access. Storage Blob Data Contributor is all Unity Catalog needs to manage external locations' data
        // (learn.microsoft.com/azure/databricks/connect/unity-catalog/cloud-storage/azure-managed-identities).
        // Databricks validates a storage credential and an external location by reading and writing with this identity
        // when it creates them, and a role assignment can take up to 10 minutes to become effective
        // (learn.microsoft.com/azure/role-based-access-control/troubleshooting), so the grant is made by the bootstrap
        // deployment, like the key grant, one deployment before the credential. The account does not exist yet then,
        // so the scope is the lake's resource group: it holds this account, the Delta Sharing account (SharingStorage,
        // which Unity Catalog writes the sharing catalog to) and no other storage account (the
        // identities, the access connector and the endpoints' NICs are not storage), so the role reaches the lake's
        // data and the sharing account's and nothing else. Keep other storage accounts out of this resource group.
        var clientConfig = AuthorizationFunctions.getClientConfig();
        var resourceGroupId = Output.tuple(clientConfig, args.resourceGroupName()).applyValue(t ->
                "/subscriptions/" + t.t1.subscriptionId() + "/resourceGroups/" + t.t2);
        this.catalogIdentity = new UserAssignedIdentity(name + "-uc-id", UserAssignedIdentityArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .resourceName(naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "lake", "uc", "id"))
                .tags(tags)
                .build(), child());
        var catalogData = RoleGrants.assign(name + "-uc-data", resourceGroupId, catalogIdentity.principalId(),
                RoleGrants.STORAGE_BLOB_DATA_CONTRIBUTOR, "Unity Catalog (access connector identity) reads and writes "
                        + "the lake's data (the lake resource group holds the lake account only)", this);
        grants.add(catalogData);
        dataReady.add(catalogData);
        this.catalogDataGrant = catalogData;
        if (args.bootstrap()) {
            // The account (and everything on it) waits for the next deployment, when the grants are effective.
            this.account = null;
            this.accessConnector = null;
            registerOutputs(Map.of());
            return;
        }
        this.accessConnector = new AccessConnector(name + "-access-connector", AccessConnectorArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .connectorName(accessConnectorName(naming))
                .identity(ManagedServiceIdentityArgs.builder().type("UserAssigned")
                        .userAssignedIdentities(catalogIdentity.id().applyValue(List::of)).build())
                .tags(tags)
                .build(), child());
        var tenantId = clientConfig.applyValue(c -> c.tenantId());

        this.account = new StorageAccount(name + "-account", hardenedAccount(args, accountName, cmkIdentity.id(),
                networkRuleSet(accessConnector.id(), tenantId, List.of())),
                // A lake deployed before keyType was set has Service-keyed queues and tables: the change is a new
                // account, which Pulumi plans as a replacement (and protect refuses until the data is migrated).
                StorageEncryption.replacedWhenFixedInputsChange(CustomResourceOptions.builder().parent(this)
                        .protect(args.common().protect())).dependsOn(keyGrant).build());

        var blobService = blobService(name, args, account, this);
        for (var container : settings.containers()) {
            dataReady.add(container(name, args, account, container, blobService, this));
        }

        reachedPrivately(name, args, account, "lake", blobService,
                "Protects the data lake of the zero-trust platform; remove deliberately.", this);

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("storageAccountId", account.id());
        outputs.put("storageAccountName", account.name());
        outputs.put("accessConnectorId", accessConnector.id());
        registerOutputs(outputs);
    }

    /**
     * The storage firewall of an account of the lake's kind: deny every network, bypass no service, no virtual network
     * rule, one resource instance rule for Unity Catalog's access connector, and IP rules for exactly the given
     * networks. The lake passes none: a request from the internet or from any other Azure resource is denied; only
     * that one access connector instance of this tenant passes the firewall, and then only with what its identity's
     * role allows (Entra ID; shared keys are off). The Delta Sharing account passes its recipients' networks
     * ({@link StorageIpRules#union}), whose clients download shared files from it. Clusters and serverless compute use
     * the private endpoints, which the firewall does not filter.
     *
     * @param accessConnectorId the access connector's ARM id
     * @param tenantId          the tenant of the connector and the account (a resource instance rule must name the
     *                          account's own tenant)
     * @param ipRules           the networks the public endpoint admits, valid and distinct; none for the lake
     * @return the network rule set
     */
    static NetworkRuleSetArgs networkRuleSet(Output<String> accessConnectorId, Output<String> tenantId,
                                             List<String> ipRules) {
        return NetworkRuleSetArgs.builder()
                .defaultAction(DefaultAction.Deny)
                .bypass("None")
                .ipRules(ipRules.stream().map(value -> IPRuleArgs.builder().iPAddressOrRange(value)
                        .action(Action.Allow).build()).toList())
                .virtualNetworkRules(List.of())
                .resourceAccessRules(List.of(ResourceAccessRuleArgs.builder()
                        .resourceId(accessConnectorId)
                        .tenantId(tenantId)
                        .build()))
                .build();
    }

    /**
     * The hardening every account of the lake's kind shares (the lake, the sharing account): ADLS Gen2, shared keys
     * off (Entra ID only), no anonymous or cross-tenant access, TLS 1.2 and HTTPS only, infrastructure encryption and
     * the lake's customer-managed key through the lake's encryption identity. Only the network rule set differs.
     * {@code publicNetworkAccess} is Enabled so Azure evaluates the rule set's resource instance and IP rules; the
     * rule set itself denies by default (see {@link #networkRuleSet}).
     */
    static StorageAccountArgs hardenedAccount(DataLakeArgs args, String accountName, Output<String> cmkIdentityId,
                                              NetworkRuleSetArgs networkRuleSet) {
        return StorageBaseline.apply(StorageAccountArgs.builder())
                .isHnsEnabled(true)
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .accountName(accountName)
                .sku(SkuArgs.builder().name(args.settings().sku()).build())
                // Enabled only so Azure evaluates the rule set's rules; the rule set denies every other network.
                .publicNetworkAccess("Enabled")
                .identity(StorageEncryption.identityArgs(cmkIdentityId))
                .encryption(StorageEncryption.encryption(cmkIdentityId, args.encryptionKey()))
                .networkRuleSet(networkRuleSet)
                .tags(args.common().sortedTags())
                .build();
    }

    /**
     * A private container of an account of the lake's kind, after its blob service (whose soft delete must hold
     * before data arrives), protected like the account.
     *
     * @param name        the component's logical name
     * @param args        the lake's arguments
     * @param account     the account
     * @param container   the container's name, like bronze
     * @param blobService the account's blob service
     * @param parent      the component
     * @return the container
     */
    static BlobContainer container(String name, DataLakeArgs args, StorageAccount account, String container,
                                   BlobServiceProperties blobService, Resource parent) {
        return new BlobContainer(name + "-container-" + container, BlobContainerArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .containerName(container)
                .publicAccess(PublicAccess.None)
                .build(), CustomResourceOptions.builder().parent(parent).protect(args.common().protect())
                .dependsOn(blobService).build());
    }

    /** Blob and container soft delete for the settings' days; versioning is refused with a hierarchical namespace. */
    static BlobServiceProperties blobService(String name, DataLakeArgs args, StorageAccount account, Resource parent) {
        var settings = args.settings();
        return new BlobServiceProperties(name + "-blob", BlobServicePropertiesArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .accountName(account.name())
                .blobServicesName("default")
                .isVersioningEnabled(false)
                .deleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true)
                        .days(settings.blobSoftDeleteDays()).build())
                .containerDeleteRetentionPolicy(DeleteRetentionPolicyArgs.builder().enabled(true)
                        .days(settings.containerSoftDeleteDays()).build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * What every account of the lake's kind (the lake, the sharing account) has besides its settings: dfs and blob
     * private endpoints in the hub's zones (clusters and operators reach the data only through them), its resource
     * logs ({@link #auditLogs}) and, where the stack locks, a CanNotDelete lock.
     *
     * @param name        the component's logical name
     * @param args        the lake's arguments (hub, naming, common options)
     * @param account     the account
     * @param label       the account's label in endpoint and lock names, like lake or sharing
     * @param blobService the account's blob service (its logs are per service)
     * @param lockNotes   the lock's notes, saying what it protects
     * @param parent      the component
     */
    static void reachedPrivately(String name, DataLakeArgs args, StorageAccount account, String label,
                                 BlobServiceProperties blobService, String lockNotes, Resource parent) {
        var hub = args.hub();
        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(args.naming())
                .targetName(label).targetType(PrivateLinkTarget.STORAGE_ACCOUNT).targetId(account.id())
                .endpoints(List.of(
                        new EndpointSpec("dfs", "dfs", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.DFS)),
                        new EndpointSpec("blob", "blob", hub.privateEndpointSubnetId(), hub.privateDnsZoneId(PrivateDnsZones.BLOB))))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(parent).build());
        auditLogs(name, args, account, blobService, parent);
        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(account.id())
                    .level("CanNotDelete")
                    .lockName(args.naming().name(ResourceKind.RESOURCE_GROUP, label, "lock"))
                    .notes(lockNotes)
                    .build(), CustomResourceOptions.builder().parent(parent).protect(args.common().protect()).build());
        }
    }

    /**
     * The account's resource logs to the platform workspace, one diagnostic setting per storage service (shared by
     * the lake and the sharing account, so both are audited the same way).
     */
    static void auditLogs(String name, DataLakeArgs args, StorageAccount account, BlobServiceProperties blobService,
                          Resource parent) {
        // Storage logs are a property of each service, not of the account
        // (learn.microsoft.com/azure/storage/blobs/monitor-blob-storage): one setting per service.
        Diagnostics.sendStorage(name + "-diag", account.id(), args.common(), parent,
                blobService);
    }

    /**
     * The arguments this lake was built with (the sharing account takes its place, key and hub from them).
     *
     * @return the arguments
     */
    DataLakeArgs args() {
        return args;
    }

    /**
     * The user-assigned identity that wraps the lake's data keys with the customer-managed key; it holds Key Vault
     * Crypto Service Encryption User on that key only, granted one deployment before any account uses it.
     *
     * @return the identity's ARM id
     */
    public Output<String> encryptionIdentityId() {
        return cmkIdentity.id();
    }

    /**
     * The encryption identity's grant on the key, which an account encrypted with it waits for.
     *
     * @return the role assignment
     */
    public Resource keyGrant() {
        return keyGrant;
    }

    /**
     * Unity Catalog's Storage Blob Data Contributor on the lake's resource group, which what Databricks validates
     * through the access connector waits for.
     *
     * @return the role assignment
     */
    public Resource catalogDataGrant() {
        return catalogDataGrant;
    }

    /**
     * The account's name: {@code <prefix><environment>lake}, like {@code ztpdevlake}.
     *
     * @param naming prefix and environment
     * @return the storage account name
     */
    public static String accountName(Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "lake");
    }

    /**
     * The access connector's name, like {@code ztp-dev-lake-ac}.
     *
     * @param naming prefix and environment
     * @return the access connector name
     */
    public static String accessConnectorName(Naming naming) {
        return naming.name(ResourceKind.ACCESS_CONNECTOR, "lake", "ac");
    }

    /** The abfss URL of a container of {@code account}; fails naming the containers there are. */
    static String containerUrl(String account, List<String> containers, String container) {
        if (!containers.contains(container)) {
            throw new IllegalArgumentException("DataLake has no container '" + container + "'; its containers are "
                    + containers + " (LakeSettings.containers)");
        }
        return "abfss://" + container + "@" + account + ".dfs.core.windows.net/";
    }

    @Override
    public Output<String> storageAccountId() {
        return created().id();
    }

    @Override
    public Output<String> storageAccountName() {
        return created().name();
    }

    @Override
    public List<String> containers() {
        return args.settings().containers();
    }

    @Override
    public Output<String> containerUrl(String container) {
        var url = containerUrl(accountName, containers(), container);
        return created().name().applyValue(ignored -> url);
    }

    @Override
    public Output<String> accessConnectorId() {
        created();
        return accessConnector.id();
    }

    @Override
    public Output<String> accessConnectorIdentityId() {
        created();
        return catalogIdentity.id();
    }

    @Override
    public List<Resource> dataReady() {
        return List.copyOf(dataReady);
    }

    /**
     * The role assignments this lake made (key use, Unity Catalog data), for resources that must wait for them.
     *
     * @return the role assignments
     */
    public List<Resource> roleAssignments() {
        return List.copyOf(grants);
    }

    /**
     * True in the bootstrap deployment: only the two identities and their grants (key use, lake data) exist.
     *
     * @return whether the account is still to be created
     */
    public boolean bootstrapOnly() {
        return account == null;
    }

    private StorageAccount created() {
        if (account == null) {
            throw new IllegalStateException("DataLake: the account is created by the deployment after bootstrap "
                    + "(DataLakeArgs.bootstrap), so it has no account, container or access connector yet");
        }
        return account;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
