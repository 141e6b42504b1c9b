package com.ztplatform.components.keyvault;

import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageEncryptionTest {
    private static final String KEY = "func-storage-rsahsm3072";

    private static Plan plan() {
        return plan(false);
    }

    private static Plan plan(boolean grantPending) {
        var plan = MockRun.run(ctx -> {
            var parent = new ComponentResource("ztplatform:test:Account", "func");
            var cmk = StorageEncryption.create("func-storage",
                    TestKeys.storageKey(KEY).withGrantPending(grantPending), Output.of("ztp-prod-integration-rg"),
                    "westeurope", "ztp-prod-func-cmk-id", Map.of("owner", "team"),
                    "the functions' host storage account wraps its data keys with this key (this key only)", parent);
            new StorageAccount("func-storage", StorageAccountArgs.builder()
                    .resourceGroupName("ztp-prod-integration-rg").accountName("ztpprodfunc").kind("StorageV2")
                    .sku(com.pulumi.azurenative.storage.inputs.SkuArgs.builder().name("Standard_ZRS").build())
                    .identity(cmk.identityArgs()).encryption(cmk.encryptionArgs()).build(),
                    cmk.accountOptions(parent, true));
        });
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    @Test
    void theIdentityMayUseTheOneKeyForEncryptionOnly() {
        var plan = plan();
        var identity = plan.named("func-storage-cmk-id");
        assertThat(identity.inputString("resourceName")).hasValue("ztp-prod-func-cmk-id");
        var grant = plan.named("func-storage-cmk-key-use");
        assertThat(grant.inputString("scope")).hasValue(TestKeys.VAULT_ID + "/keys/" + KEY);
        assertThat(grant.inputString("roleDefinitionId").orElseThrow())
                .endsWith("/" + BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.guid());
        assertThat(grant.inputString("principalId")).hasValue(identity.mockComputed().get("principalId").getAsString());
        assertThat(grant.inputString("description").orElseThrow()).contains("this key only");
    }

    @Test
    void theAccountUsesTheKeyThroughItsIdentityAndWaitsForTheGrant() {
        var plan = plan();
        var identity = plan.named("func-storage-cmk-id");
        var account = plan.named("func-storage");
        assertThat(account.dependencies()).contains(plan.named("func-storage-cmk-key-use").urn());
        assertThat(account.inputString("identity.type")).hasValue("UserAssigned");
        assertThat(account.input("identity.userAssignedIdentities").orElseThrow().toString()).contains(identity.id());
        assertThat(account.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(account.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity")).hasValue(identity.id());
        assertThat(account.inputString("encryption.keyVaultProperties.keyVaultUri"))
                .hasValue("https://ztp-prod-platform-kv.vault.azure.net/");
        // No version: Azure Storage follows the key's rotations.
        assertThat(account.inputString("encryption.keyVaultProperties.keyName")).hasValue(KEY);
        assertThat(account.input("encryption.keyVaultProperties.keyVersion")).isEmpty();
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.services.queue.keyType")).hasValue("Account");
        assertThat(account.inputString("encryption.services.table.keyType")).hasValue("Account");
        assertThat(account.options().getAsJsonArray("replaceOnChanges").toString())
                .contains("encryption.services.queue.keyType", "encryption.services.table.keyType",
                        "encryption.requireInfrastructureEncryption");
        // The name is fixed, so the old account must go before the new one (azure-native refuses "already exists").
        assertThat(account.options().get("deleteBeforeReplace").getAsBoolean()).isTrue();
    }

    @Test
    void inTheDeploymentThatMakesTheGrantTheAccountStartsOnMicrosoftKeysAndTheNextAppliesTheVaultKey() {
        var first = plan(true);
        var account = first.named("func-storage");
        // The identity and its grant exist from the first deployment on, under the same names as later.
        assertThat(first.named("func-storage-cmk-key-use").inputString("scope")).hasValue(TestKeys.VAULT_ID + "/keys/" + KEY);
        assertThat(account.inputString("identity.type")).hasValue("UserAssigned");
        assertThat(account.inputString("encryption.keySource")).hasValue("Microsoft.Storage");
        assertThat(account.input("encryption.keyVaultProperties")).isEmpty();
        // What Azure fixes at creation is already as it stays, so the next deployment is an update, not a replacement.
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.services.queue.keyType")).hasValue("Account");
        assertThat(account.inputString("encryption.services.table.keyType")).hasValue("Account");
        var next = plan(false).named("func-storage");
        assertThat(next.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(next.inputString("encryption.services.queue.keyType")).hasValue("Account");
    }

    @Test
    void blankNamesAreRefusedNamingTheParameterAndAnExample() {
        var key = TestKeys.storageKey(KEY);
        assertThatThrownBy(() -> StorageEncryption.create("func-storage", key, Output.of("rg"), "westeurope", " ",
                Map.of(), "why", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identityName is required, like \"ztp-prod-func-cmk-id\"");
        assertThatThrownBy(() -> StorageEncryption.create("func-storage", key, Output.of("rg"), "westeurope",
                "ztp-prod-func-cmk-id", Map.of(), "", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("why is required");
    }
}
