package com.ztplatform.components.keyvault;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.storage.enums.KeyType;
import com.pulumi.azurenative.storage.inputs.EncryptionArgs;
import com.pulumi.azurenative.storage.inputs.EncryptionIdentityArgs;
import com.pulumi.azurenative.storage.inputs.EncryptionServiceArgs;
import com.pulumi.azurenative.storage.inputs.EncryptionServicesArgs;
import com.pulumi.azurenative.storage.inputs.IdentityArgs;
import com.pulumi.azurenative.storage.inputs.KeyVaultPropertiesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.RoleGrants;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A storage account's customer-managed key, the one way every account of the platform is encrypted: a user-assigned
 * identity of the account's own, Key Vault Crypto Service Encryption User for that identity on the one key (not the
 * vault), and the account's {@code identity} and {@code encryption} inputs using both
 * (learn.microsoft.com/azure/storage/common/customer-managed-keys-configure-new-account).
 *
 * <p>The account must depend on {@link #keyGrant()}: Azure Storage checks that its identity can use the key when the
 * account is created with it, and refuses the account otherwise. Queues and tables are keyed to the account (so to
 * the customer-managed key too), which Azure accepts only when the account is created
 * (learn.microsoft.com/azure/storage/common/account-encryption-key-create): see {@link #ACCOUNT_ONLY_AT_CREATION}.
 *
 * <pre>{@code
 * var cmk = StorageEncryption.create("func-storage", StorageEncryptionKey key, rg, "westeurope",
 *         naming.name(ResourceKind.USER_ASSIGNED_IDENTITY, "func", "cmk", "id"), tags,
 *         "the functions' storage account wraps its data keys with this key (this key only)", this);
 * new StorageAccount("func-storage", StorageAccountArgs.builder()...identity(cmk.identityArgs())
 *         .encryption(cmk.encryptionArgs()).build(), cmk.accountOptions(this, protect));
 * }</pre>
 *
 * @param identity       the account's encryption identity
 * @param keyGrant       its Crypto Service Encryption User on the key, which the account waits for
 * @param identityArgs   the account's {@code identity}: user-assigned, this identity only
 * @param encryptionArgs the account's {@code encryption}: see {@link #encryption}
 */
public record StorageEncryption(UserAssignedIdentity identity, RoleAssignment keyGrant, IdentityArgs identityArgs,
                                EncryptionArgs encryptionArgs) {
    /**
     * Account inputs Azure fixes at creation: the queue and table key scope
     * (learn.microsoft.com/azure/storage/common/account-encryption-key-create) and infrastructure encryption, which
     * "cannot be enabled or disabled after the account has been created"
     * (learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable). A change is a new account, which
     * Pulumi must plan as a replacement, not an update Azure would refuse.
     */
    public static final List<String> ACCOUNT_ONLY_AT_CREATION = List.of("encryption.services.queue.keyType",
            "encryption.services.table.keyType", "encryption.requireInfrastructureEncryption");

    /**
     * Checks that every part is set.
     *
     * @param identity       the encryption identity
     * @param keyGrant       the identity's role on the key
     * @param identityArgs   the account's identity input
     * @param encryptionArgs the account's encryption input
     */
    public StorageEncryption {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(keyGrant, "keyGrant");
        Objects.requireNonNull(identityArgs, "identityArgs");
        Objects.requireNonNull(encryptionArgs, "encryptionArgs");
    }

    /**
     * Creates the account's encryption identity and its grant on the key.
     *
     * @param logicalName       prefix of the Pulumi names: {@code <logicalName>-cmk-id} and {@code <logicalName>-cmk-key-use}
     * @param key               the key, like {@code keyVault.storageKey(KeyPurpose.FUNCTION_STORAGE).orElseThrow()}
     * @param resourceGroupName the identity's resource group (the account's)
     * @param location          the identity's region, like westeurope
     * @param identityName      the identity's Azure name, like ztp-prod-func-cmk-id
     * @param tags              the identity's tags
     * @param why               the grant's description in Azure, like "the functions' storage account wraps its data
     *                          keys with this key (this key only)"
     * @param parent            the component the identity and the grant belong to
     * @return the identity, the grant and the account inputs using them
     * @throws IllegalArgumentException when a name, the region or the reason is blank, naming the parameter
     */
    public static StorageEncryption create(String logicalName, StorageEncryptionKey key, Output<String> resourceGroupName,
                                           String location, String identityName, Map<String, String> tags, String why,
                                           Resource parent) {
        requireText("logicalName", logicalName, "func-storage");
        requireText("location", location, "westeurope");
        requireText("identityName", identityName, "ztp-prod-func-cmk-id");
        requireText("why", why, "the functions' storage account wraps its data keys with this key (this key only)");
        Objects.requireNonNull(key, "key (like keyVault.storageKey(KeyPurpose.FUNCTION_STORAGE).orElseThrow())");
        Objects.requireNonNull(resourceGroupName, "resourceGroupName");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(parent, "parent");
        var identity = new UserAssignedIdentity(logicalName + "-cmk-id", UserAssignedIdentityArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(location)
                .resourceName(identityName)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var grant = RoleGrants.assign(logicalName + "-cmk-key-use", key.keyId(), identity.principalId(),
                RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, why, parent);
        var encryption = key.grantPending() ? untilGranted() : encryption(identity.id(), key);
        return new StorageEncryption(identity, grant, identityArgs(identity.id()), encryption);
    }

    /**
     * The account's {@code encryption} input in the deployment that makes its grant: infrastructure encryption and
     * queues and tables under the account key (both fixed at creation, so set now as they will stay), under a
     * Microsoft-managed key until the next deployment applies the customer-managed key, which Azure allows on an
     * existing account (learn.microsoft.com/azure/storage/common/customer-managed-keys-configure-existing-account).
     *
     * @return the encryption input
     */
    static EncryptionArgs untilGranted() {
        return EncryptionArgs.builder()
                .requireInfrastructureEncryption(true)
                .keySource("Microsoft.Storage")
                .services(accountKeyedQueuesAndTables())
                .build();
    }

    private static EncryptionServicesArgs accountKeyedQueuesAndTables() {
        return EncryptionServicesArgs.builder()
                .queue(EncryptionServiceArgs.builder().enabled(true).keyType(KeyType.Account).build())
                .table(EncryptionServiceArgs.builder().enabled(true).keyType(KeyType.Account).build())
                .build();
    }

    /**
     * The account's {@code identity} input: user-assigned, the encryption identity only.
     *
     * @param identityId the encryption identity's ARM id
     * @return the identity input
     */
    public static IdentityArgs identityArgs(Output<String> identityId) {
        return IdentityArgs.builder().type("UserAssigned").userAssignedIdentities(identityId.applyValue(List::of)).build();
    }

    /**
     * The account's {@code encryption} input: infrastructure (double) encryption, the key from Key Vault through the
     * encryption identity, the key named without a version (Azure Storage then follows the key's rotations by
     * itself), and queues and tables under the account key, so under the customer-managed key too.
     *
     * @param identityId the encryption identity's ARM id
     * @param key        the key
     * @return the encryption input
     */
    public static EncryptionArgs encryption(Output<String> identityId, StorageEncryptionKey key) {
        return EncryptionArgs.builder()
                .requireInfrastructureEncryption(true)
                .keySource("Microsoft.Keyvault")
                .encryptionIdentity(EncryptionIdentityArgs.builder().encryptionUserAssignedIdentity(identityId).build())
                .keyVaultProperties(KeyVaultPropertiesArgs.builder()
                        .keyVaultUri(key.keyVaultUri())
                        .keyName(key.keyName())
                        .build())
                .services(accountKeyedQueuesAndTables())
                .build();
    }

    /**
     * The options of an account encrypted this way: it waits for the key grant, and a change of what Azure fixes at
     * creation replaces it.
     *
     * @param parent  the account's component
     * @param protect whether the account is protected
     * @return the account's options
     */
    public CustomResourceOptions accountOptions(Resource parent, boolean protect) {
        return replacedWhenFixedInputsChange(CustomResourceOptions.builder().parent(parent).protect(protect))
                .dependsOn(keyGrant).build();
    }

    /**
     * Makes a change of {@link #ACCOUNT_ONLY_AT_CREATION} a replacement that deletes the old account first. The
     * account's name is fixed, so a new account cannot exist beside the old one, and azure-native asks for delete
     * first only on replacements it computes itself, not on those {@code replaceOnChanges} adds: without this option
     * the create step would be refused as "already exists". The preview shows the replacement; {@code protect} (prod)
     * refuses it until someone migrates the data and unprotects the account deliberately.
     *
     * @param options the account's options so far
     * @return the same builder
     */
    public static CustomResourceOptions.Builder replacedWhenFixedInputsChange(CustomResourceOptions.Builder options) {
        return options.replaceOnChanges(ACCOUNT_ONLY_AT_CREATION).deleteBeforeReplace(true);
    }

    private static void requireText(String field, String value, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("StorageEncryption: " + field + " is required, like \"" + example + "\"");
        }
    }
}
