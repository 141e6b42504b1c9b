package com.ztplatform.components.keyvault;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.keyvault.Key;
import com.pulumi.azurenative.keyvault.KeyArgs;
import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.SecretArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.inputs.SecretPropertiesArgs;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.enums.SkuName;
import com.pulumi.azurenative.keyvault.inputs.ActionArgs;
import com.pulumi.azurenative.keyvault.inputs.KeyAttributesArgs;
import com.pulumi.azurenative.keyvault.inputs.KeyPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.KeyRotationPolicyAttributesArgs;
import com.pulumi.azurenative.keyvault.inputs.LifetimeActionArgs;
import com.pulumi.azurenative.keyvault.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.keyvault.inputs.RotationPolicyArgs;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.TriggerArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.azurenative.keyvault.enums.KeyRotationPolicyActionType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.databricks.CustomerManagedKey;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.SecretScope;
import com.ztplatform.databricks.SecretScopes;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Key Vault (the platform's, or one workload's own: see {@link KeyVaultScopeArgs#label}): RBAC-authorised,
 * purge-protected, no public network access, reached through a private endpoint; its customer-managed keys with a
 * rotation policy; and the least-privilege role assignments that Databricks needs to use them.
 *
 * <p>Keys and secrets are written through Azure Resource Manager (the management plane), so the deploying
 * identity needs no data-plane role on the vault at all: it can neither read secret values nor use keys.
 *
 * <pre>{@code
 * var kv = new KeyVaultScope("kv", KeyVaultScopeArgs.builder().resourceGroupName(rg.name()).location("westeurope")
 *         .naming(naming).sku("premium").hsmKeys(true).keys(EnumSet.allOf(KeyPurpose.class))
 *         .azureDatabricksObjectId(objectId).privateEndpointSubnetId(hub.privateEndpointSubnetId())
 *         .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT)).common(common).build(), null);
 * }</pre>
 */
public class KeyVaultScope extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:keyvault:KeyVaultScope";

    private final KeyVaultScopeArgs args;
    private final Vault vault;
    private final Map<KeyPurpose, Key> keys;
    private final List<Resource> accessGrants = new ArrayList<>();
    private final Optional<RoleAssignment> managedServicesGrant;

    /**
     * Creates the vault, its private endpoint, the keys and the grants the arguments ask for.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public KeyVaultScope(String name, KeyVaultScopeArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("KeyVaultScope", name, args.problems());
        this.args = args;
        var naming = args.naming();
        var tags = args.common().sortedTags();
        var clientConfig = AuthorizationFunctions.getClientConfig();

        this.vault = new Vault(name + "-vault", VaultArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .vaultName(naming.name(ResourceKind.KEY_VAULT, args.label(), "kv"))
                .properties(VaultPropertiesArgs.builder()
                        .tenantId(clientConfig.applyValue(c -> c.tenantId()))
                        .sku(SkuArgs.builder().family("A")
                                .name(args.sku().equals("premium") ? SkuName.Premium : SkuName.Standard).build())
                        .enableRbacAuthorization(true)
                        .enablePurgeProtection(true)
                        .enableSoftDelete(true)
                        .softDeleteRetentionInDays(90)
                        .enabledForDeployment(false)
                        .enabledForDiskEncryption(false)
                        .enabledForTemplateDeployment(false)
                        .publicNetworkAccess("Disabled")
                        // Default Deny with no IP or VNet rules. The "trusted Microsoft services" bypass stays on
                        // because the Databricks control plane reads Key Vault-backed secret scopes (and uses the
                        // managed-services key) from outside our network: without it, secret reads and CMK
                        // operations fail. The bypass admits only first-party services that also hold an RBAC
                        // role on this vault.
                        .networkAcls(NetworkRuleSetArgs.builder().defaultAction("Deny").bypass("AzureServices")
                                .ipRules(List.of()).virtualNetworkRules(List.of()).build())
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());

        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(naming)
                .targetName(args.label() + "-kv").targetType(PrivateLinkTarget.KEY_VAULT).targetId(vault.id())
                .endpoints(List.of(new EndpointSpec("vault", "vault", args.privateEndpointSubnetId(), args.privateDnsZoneId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        Diagnostics.send(name + "-diag", "Microsoft.KeyVault/vaults", vault.id(), args.common(), this);

        var created = new EnumMap<KeyPurpose, Key>(KeyPurpose.class);
        for (var purpose : KeyPurpose.values()) {
            if (args.keys().contains(purpose)) {
                created.put(purpose, key(name, purpose, tags));
            }
        }
        this.keys = Collections.unmodifiableMap(created);

        // Key Vault-backed secret scopes: the Databricks control plane reads secrets as the AzureDatabricks
        // first-party application; on an RBAC vault it needs Secrets User (read values), nothing more.
        args.azureDatabricksObjectId().ifPresent(objectId -> grant(name + "-azuredatabricks-secrets", vault.id(),
                Output.of(objectId), RoleDefinitions.KEY_VAULT_SECRETS_USER,
                "AzureDatabricks reads Key Vault-backed secret scopes"));
        // The managed-services key is used by the control plane (as AzureDatabricks) to wrap/unwrap the workspace's
        // data keys: Crypto Service Encryption User on that key only. Workspaces wait for this grant.
        this.managedServicesGrant = args.azureDatabricksObjectId().flatMap(objectId ->
                Optional.ofNullable(keys.get(KeyPurpose.MANAGED_SERVICES)).map(key -> grant(
                        name + "-azuredatabricks-managed-services", key.id(), Output.of(objectId),
                        RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
                        "AzureDatabricks wraps the workspace's managed-services data keys")));
        registerOutputs(Map.of("vaultId", vault.id(), "vaultUri", vaultUri()));
    }

    private Key key(String name, KeyPurpose purpose, Map<String, String> tags) {
        var rotation = args.rotation();
        var kty = args.hsmKeys() ? "RSA-HSM" : "RSA";
        return new Key(name + "-" + purpose.keyName(), KeyArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .vaultName(vault.name())
                .keyName(keyName(purpose, kty, KEY_SIZE))
                .properties(KeyPropertiesArgs.builder()
                        .kty(kty)
                        .keySize(KEY_SIZE)
                        .keyOps(List.of(Either.ofLeft("wrapKey"), Either.ofLeft("unwrapKey")))
                        .attributes(KeyAttributesArgs.builder().enabled(true).exportable(false).build())
                        .rotationPolicy(RotationPolicyArgs.builder()
                                .attributes(KeyRotationPolicyAttributesArgs.builder()
                                        .expiryTime(rotation.expireAfter()).build())
                                .lifetimeActions(
                                        LifetimeActionArgs.builder()
                                                .action(ActionArgs.builder().type(KeyRotationPolicyActionType.Rotate).build())
                                                .trigger(TriggerArgs.builder().timeAfterCreate(rotation.rotateAfter()).build())
                                                .build(),
                                        LifetimeActionArgs.builder()
                                                .action(ActionArgs.builder().type(KeyRotationPolicyActionType.Notify).build())
                                                .trigger(TriggerArgs.builder().timeBeforeExpiry(rotation.notifyBefore()).build())
                                                .build())
                                .build())
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect())
                // ARM creates a key only if it does not exist and never updates one (Keys - Create If Not Exist,
                // learn.microsoft.com/rest/api/keyvault/keyvault/keys/create-if-not-exist): a later change of
                // these inputs would be accepted, silently not applied, and shown as a diff forever. The key
                // material (type, size) is part of the name, so changing it creates a new key and re-points the
                // workspaces; a same-name replacement could not work (purge protection keeps the deleted name,
                // and create-before-delete would get the old key back and then delete it). Rotation policy,
                // attributes and tags can only be changed on the data plane: see rotationPolicyCommand().
                .ignoreChanges(List.of("properties", "tags"))
                .build());
    }

    /** RSA key size of every customer-managed key (Databricks accepts 2048, 3072 and 4096). */
    public static final int KEY_SIZE = 3072;

    /**
     * The key's name: purpose plus key material, like dbw-managed-services-rsa3072 or dbw-dbfs-root-rsahsm3072.
     * Keys are create-only through ARM, so a different type or size must be a different key.
     *
     * @param purpose what the key encrypts
     * @param kty     the key type, {@code RSA} or {@code RSA-HSM}
     * @param keySize the RSA key size
     * @return the key's name
     */
    public static String keyName(KeyPurpose purpose, String kty, int keySize) {
        return purpose.keyName() + "-" + kty.toLowerCase(java.util.Locale.ROOT).replace("-", "") + keySize;
    }

    /**
     * The command that applies this stack's rotation policy to an existing key: ARM applies it only when it creates
     * the key, Key Vault's data plane applies it at any time. Run it from a network that reaches the vault's private
     * endpoint, as an identity with Key Vault Crypto Officer on the key, after changing {@code rotation}.
     *
     * @param purpose which key
     * @return the {@code az keyvault key rotation-policy update} command line
     */
    public Output<String> rotationPolicyCommand(KeyPurpose purpose) {
        var key = keys.get(purpose);
        if (key == null) {
            throw new IllegalArgumentException("KeyVaultScope has no " + purpose + " key; add it to KeyVaultScopeArgs.keys");
        }
        var rotation = args.rotation();
        var policy = "{\"lifetimeActions\":[{\"trigger\":{\"timeAfterCreate\":\"" + rotation.rotateAfter()
                + "\"},\"action\":{\"type\":\"Rotate\"}},{\"trigger\":{\"timeBeforeExpiry\":\""
                + rotation.notifyBefore() + "\"},\"action\":{\"type\":\"Notify\"}}],\"attributes\":{\"expiryTime\":\""
                + rotation.expireAfter() + "\"}}";
        return Output.tuple(vault.name(), key.name()).applyValue(t -> "az keyvault key rotation-policy update --vault-name "
                + t.t1 + " --name " + t.t2 + " --value '" + policy + "'");
    }

    /**
     * Grants an Azure-managed identity (a workspace's storage or disk-encryption identity) the right to use
     * one key for encryption at rest: Crypto Service Encryption User on that key only, not the vault.
     *
     * @param logicalName unique, like "spoke-analytics-dbfs-key"
     * @param purpose     which key
     * @param principalId the managed identity's object id
     * @param why         the assignment's description in Azure
     * @return the role assignment
     * @throws IllegalArgumentException when this vault has no key for {@code purpose}
     */
    public RoleAssignment grantKeyUse(String logicalName, KeyPurpose purpose, Output<String> principalId, String why) {
        var key = keys.get(purpose);
        if (key == null) {
            throw new IllegalArgumentException("KeyVaultScope has no " + purpose + " key; add it to KeyVaultScopeArgs.keys");
        }
        return grant(logicalName, key.id(), principalId, RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, why);
    }

    private RoleAssignment grant(String logicalName, Output<String> scope, Output<String> principalId,
                                 String role, String why) {
        var assignment = RoleGrants.assign(logicalName, scope, principalId, role, why, this);
        accessGrants.add(assignment);
        return assignment;
    }

    /**
     * A secret in the vault, written through Azure Resource Manager (the vault stays closed to the network).
     * The value stays a Pulumi secret: encrypted in state, shown as [secret] in plans.
     *
     * @param logicalName the resource's logical name
     * @param secretName  the secret's name in the vault
     * @param value       the value; made a secret here whatever it was
     * @param parent      the component the secret belongs to
     * @return the secret
     */
    public Secret secret(String logicalName, String secretName, Output<String> value, Resource parent) {
        return new Secret(logicalName, SecretArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .vaultName(vault.name())
                .secretName(secretName)
                .properties(SecretPropertiesArgs.builder().value(value.asSecret()).build())
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * The Databricks secret scope backed by this vault, in the workspace the provider talks to.
     *
     * <p>Created through a workspace-level provider that authenticates with Entra ID: Databricks refuses to
     * create Key Vault-backed scopes with a personal access token. It waits for the role assignments, so
     * the AzureDatabricks application can read the vault as soon as the scope exists.
     *
     * @param logicalName the resource's logical name
     * @param scopeName like "platform"; secrets are read as {@code dbutils.secrets.get("platform", key)}
     * @param provider  a workspace-level {@link DatabricksProvider}
     * @param parent    the component the scope belongs to
     * @return the secret scope
     * @throws IllegalStateException when {@code azureDatabricksObjectId} was not given
     */
    public SecretScope secretScope(String logicalName, String scopeName, DatabricksProvider provider, Resource parent) {
        if (args.azureDatabricksObjectId().isEmpty()) {
            throw new IllegalStateException("KeyVaultScope: a Key Vault-backed secret scope needs azureDatabricksObjectId "
                    + "(az ad sp show --id " + KeyVaultScopeArgs.AZURE_DATABRICKS_APP_ID + " --query id -o tsv)");
        }
        return new SecretScope(logicalName, SecretScopes.azureKeyVault(scopeName, vault.id(), vaultUri()),
                CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(accessGrants()).build());
    }

    /**
     * The vault, for role assignments and private endpoints of other stacks.
     *
     * @return the vault's ARM id
     */
    public Output<String> vaultId() {
        return vault.id();
    }

    /**
     * The vault's name (planned from the naming convention).
     *
     * @return the name
     */
    public Output<String> vaultName() {
        return vault.name();
    }

    /**
     * The vault's data-plane URI, which secret scopes and key references use.
     *
     * @return like https://ztp-prod-platform-kv.vault.azure.net/
     */
    public Output<String> vaultUri() {
        return vault.name().applyValue(n -> "https://" + n + ".vault.azure.net/");
    }

    /**
     * The key for a purpose as the reference type the Databricks spoke takes.
     *
     * @param purpose which key
     * @return vault URI, key name and version; empty when the arguments did not ask for that key
     */
    public Optional<CustomerManagedKey> customerManagedKey(KeyPurpose purpose) {
        return Optional.ofNullable(keys.get(purpose)).map(key -> new CustomerManagedKey(vaultUri(), key.name(),
                key.keyUriWithVersion().applyValue(KeyVaultScope::versionOf)));
    }

    /**
     * The data lake's key ({@link KeyPurpose#DATA_LAKE}) as the reference the lake takes: vault URI, key name without
     * a version (Azure Storage then follows rotations by itself) and the key's resource id (the scope of the lake
     * identity's role). Empty when the key is not in {@link KeyVaultScopeArgs#keys()}.
     *
     * @return the key reference, or empty without a data-lake key
     */
    public Optional<StorageEncryptionKey> lakeKey() {
        return storageKey(KeyPurpose.DATA_LAKE);
    }

    /**
     * A storage account's key as the reference storage takes (vault URI, key name without a version, key resource id),
     * like {@link #lakeKey()} for any purpose. Empty when the key is not in {@link KeyVaultScopeArgs#keys()}.
     *
     * @param purpose which key, like {@link KeyPurpose#LANDING_STAGING}
     * @return the key reference, or empty
     */
    public Optional<StorageEncryptionKey> storageKey(KeyPurpose purpose) {
        return Optional.ofNullable(keys.get(purpose)).map(key -> new StorageEncryptionKey(vaultUri(), key.name(), key.id()));
    }

    /**
     * A key as a disk encryption set takes it: the vault's resource id, the key's URL with its version (the API
     * requires the version even when the set follows rotations) and the key's resource id (the scope of the set
     * identity's role). Empty when the key is not in {@link KeyVaultScopeArgs#keys()}.
     *
     * @param purpose which key, like {@link KeyPurpose#ROUTER_DISK}
     * @return the key reference, or empty
     */
    public Optional<DiskEncryptionKey> diskKey(KeyPurpose purpose) {
        return Optional.ofNullable(keys.get(purpose)).map(key -> new DiskEncryptionKey(vault.id(),
                key.keyUriWithVersion(), key.id()));
    }

    /** The version segment of https://vault.vault.azure.net/keys/name/version. */
    static String versionOf(String keyUriWithVersion) {
        if (keyUriWithVersion == null || keyUriWithVersion.lastIndexOf('/') < 0) {
            throw new IllegalStateException("Key Vault returned no versioned key URI (" + keyUriWithVersion + ")");
        }
        return keyUriWithVersion.substring(keyUriWithVersion.lastIndexOf('/') + 1);
    }

    /**
     * The AzureDatabricks grant on the managed-services key, when both exist; workspaces using the key wait for it.
     *
     * @return the role assignment, or empty
     */
    public Optional<RoleAssignment> managedServicesGrant() {
        return managedServicesGrant;
    }

    /**
     * Role assignments made so far, in program order, for resources that must wait for them (secret scopes). A Pulumi
     * program constructs its resources on one thread, so the list needs no lock.
     *
     * @return the assignments, in the order they were made
     */
    public List<Resource> accessGrants() {
        return List.copyOf(accessGrants);
    }
}
