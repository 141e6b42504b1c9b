package com.ztplatform.components.lake;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataLakeTest {
    private static final String CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
    private static final String BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private static final String LAKE_RG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-lake-rg";
    private static final String LAKE_ID = LAKE_RG_ID + "/providers/Microsoft.Storage/storageAccounts/ztpdevlake";

    private static Plan plan(UnaryOperator<DataLakeArgs.Builder> customise, List<String> urls) {
        var plan = MockRun.run(ctx -> {
            var naming = new Naming("ztp", "dev");
            var rg = Output.of("ztp-dev-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"))
                    .withLogAnalyticsWorkspaceId(Output.of("/subscriptions/00000000-0000-0000-0000-000000000000/"
                            + "resourceGroups/ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-law"));
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).addressSpace("10.10.0.0/22").common(common).build(), null);
            var kv = new KeyVaultScope("kv", KeyVaultScopeArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).keys(EnumSet.of(KeyPurpose.DATA_LAKE))
                    .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                    .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT)).common(common).build(), null);
            var lake = new DataLake("lake", customise.apply(DataLakeArgs.builder()
                    .resourceGroupName(Output.of("ztp-dev-lake-rg")).location("westeurope").naming(naming).hub(hub)
                    .encryptionKey(kv.lakeKey().orElseThrow()).common(common)).build(), null);
            if (lake.bootstrapOnly()) {
                return;
            }
            if (lake.containers().contains("silver")) {
                lake.containerUrl("silver").applyValue(urls::add);
            }
            lake.accessConnectorIdentityId().applyValue(urls::add);
        });
        return plan;
    }

    @Test
    void theAccountIsHardenedReachedOnlyPrivatelyAndEncryptedWithTheVaultKey() {
        var urls = new ArrayList<String>();
        var plan = plan(b -> b, urls);
        assertThat(plan.errors()).isEmpty();
        var account = plan.ofType("azure-native:storage:StorageAccount").get(0);
        assertThat(account.id()).isEqualTo(LAKE_ID);
        assertThat(account.input("isHnsEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.input("allowSharedKeyAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.input("allowBlobPublicAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.inputString("minimumTlsVersion")).hasValue("TLS1_2");
        assertThat(account.inputString("sku.name")).hasValue("Standard_ZRS");
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(account.inputString("encryption.keyVaultProperties.keyName")).hasValue("lake-storage-rsa3072");
        // Queues and tables under the account key (so the customer-managed key), fixed at creation: a change replaces.
        assertThat(account.inputString("encryption.services.queue.keyType")).hasValue("Account");
        assertThat(account.inputString("encryption.services.table.keyType")).hasValue("Account");
        assertThat(account.options().getAsJsonArray("replaceOnChanges").toString())
                .contains("encryption.services.queue.keyType", "encryption.services.table.keyType",
                        "encryption.requireInfrastructureEncryption");
        // The name is fixed, so the old account must go before the new one (azure-native refuses "already exists").
        assertThat(account.options().get("deleteBeforeReplace").getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.keyVaultProperties.keyVaultUri"))
                .hasValue("https://ztp-dev-platform-kv.vault.azure.net/");
        // No version: the account follows the key's rotations.
        assertThat(account.input("encryption.keyVaultProperties.keyVersion")).isEmpty();
        var cmkIdentity = plan.named("lake-cmk-id");
        assertThat(account.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity")).hasValue(cmkIdentity.id());
        assertThat(account.input("identity.userAssignedIdentities").orElseThrow().toString()).contains(cmkIdentity.id());

        var endpoints = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains(LAKE_ID)).toList();
        assertThat(endpoints).extracting(pe -> pe.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray()
                .get(0).getAsJsonObject().getAsJsonArray("groupIds").get(0).getAsString()).containsExactlyInAnyOrder("dfs", "blob");
        assertThat(plan.ofType("azure-native:storage:BlobContainer")).extracting(c -> c.inputString("containerName").orElseThrow())
                .containsExactlyInAnyOrder("bronze", "silver", "gold");
        assertThat(plan.ofType("azure-native:storage:BlobContainer"))
                .allSatisfy(c -> assertThat(c.inputString("publicAccess")).hasValue("None"));
        var blob = plan.ofType("azure-native:storage:BlobServiceProperties").get(0);
        assertThat(blob.input("deleteRetentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(30);
        assertThat(blob.input("containerDeleteRetentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(30);
        assertThat(plan.ofType("azure-native:insights:DiagnosticSetting")).anySatisfy(d ->
                assertThat(d.inputString("resourceUri")).hasValue(LAKE_ID + "/blobServices/default"));
        assertThat(urls).contains("abfss://silver@ztpdevlake.dfs.core.windows.net/");
    }

    @Test
    void theFirewallDeniesEveryNetworkAndAdmitsOnlyTheAccessConnectorInstance() {
        var plan = plan(b -> b, new ArrayList<>());
        assertThat(plan.errors()).isEmpty();
        var account = plan.named("lake-account");
        var connector = plan.named("lake-access-connector");
        // Enabled so Azure evaluates the resource instance rule; with Disabled only private endpoints pass.
        assertThat(account.inputString("publicNetworkAccess")).hasValue("Enabled");
        assertThat(account.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        assertThat(account.inputString("networkRuleSet.bypass")).hasValue("None");
        assertThat(account.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(account.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        var rules = account.input("networkRuleSet.resourceAccessRules").orElseThrow().getAsJsonArray();
        assertThat(rules).hasSize(1);
        var rule = rules.get(0).getAsJsonObject();
        assertThat(rule.get("resourceId").getAsString()).isEqualTo(connector.id())
                .endsWith("/providers/Microsoft.Databricks/accessConnectors/ztp-dev-lake-ac");
        assertThat(rule.get("tenantId").getAsString()).isEqualTo(AzureMocks.TENANT_ID);
        assertThat(account.dependencies()).as("the rule names the connector, so the connector exists first")
                .contains(connector.urn());
        // Private endpoints stay: clusters reach the account through them, never through the firewall.
        assertThat(plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains(LAKE_ID)))
                .hasSize(2);
    }

    @Test
    void eachIdentityGetsOneRoleOnOneScopeAndTheAccountWaitsForTheKeyGrant() {
        var urls = new ArrayList<String>();
        var plan = plan(b -> b, urls);
        var cmk = plan.named("lake-cmk-id");
        var uc = plan.named("lake-uc-id");
        var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.urn().contains("DataLake")).toList();
        assertThat(grants).hasSize(2);
        var keyGrant = plan.named("lake-cmk-key-use");
        assertThat(keyGrant.inputString("principalId")).hasValue(cmk.mockComputed().get("principalId").getAsString());
        assertThat(keyGrant.inputString("scope").orElseThrow()).endsWith("/vaults/ztp-dev-platform-kv/keys/lake-storage-rsa3072");
        assertThat(keyGrant.inputString("roleDefinitionId").orElseThrow()).endsWith(CRYPTO_SERVICE_ENCRYPTION_USER);
        var dataGrant = plan.named("lake-uc-data");
        assertThat(dataGrant.inputString("principalId")).hasValue(uc.mockComputed().get("principalId").getAsString());
        // The lake's resource group, which holds the lake account as its only storage account (granted at bootstrap,
        // before the account exists).
        assertThat(dataGrant.inputString("scope")).hasValue(LAKE_RG_ID);
        assertThat(dataGrant.inputString("roleDefinitionId").orElseThrow()).endsWith(BLOB_DATA_CONTRIBUTOR);
        assertThat(plan.named("lake-account").dependencies()).contains(keyGrant.urn());
        var connector = plan.ofType("azure-native:databricks:AccessConnector").get(0);
        assertThat(connector.inputString("connectorName")).hasValue("ztp-dev-lake-ac");
        assertThat(connector.inputString("identity.type")).hasValue("UserAssigned");
        assertThat(connector.input("identity.userAssignedIdentities").orElseThrow().toString()).contains(uc.id());
        assertThat(urls).contains(uc.id());
    }

    @Test
    void settingsFromConfigReachTheAccount() {
        var plan = plan(b -> b.settings(LakeSettings.builder().containers(List.of("raw", "curated"))
                .blobSoftDeleteDays(7).containerSoftDeleteDays(14).sku("Standard_GZRS").build()), new ArrayList<>());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType("azure-native:storage:StorageAccount").get(0).inputString("sku.name")).hasValue("Standard_GZRS");
        var blob = plan.ofType("azure-native:storage:BlobServiceProperties").get(0);
        assertThat(blob.input("deleteRetentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(7);
        assertThat(blob.input("containerDeleteRetentionPolicy.days").orElseThrow().getAsInt()).isEqualTo(14);
        assertThat(plan.ofType("azure-native:storage:BlobContainer")).extracting(c -> c.inputString("containerName").orElseThrow())
                .containsExactlyInAnyOrder("raw", "curated");
    }

    @Test
    void invalidArgsNameTheFieldAndAValidExample() {
        var plan = MockRun.run(ctx -> new DataLake("lake", DataLakeArgs.builder()
                .settings(LakeSettings.builder().containers(List.of("Bronze")).blobSoftDeleteDays(0).build()).build(), null));
        var errors = String.join("\n", plan.errors());
        assertThat(errors).contains("resourceGroupName is required, like lakeRg.name()")
                .contains("location is required, like westeurope")
                .contains("settings.containers[0] must be 3-63 lowercase letters, digits and single hyphens, starting "
                        + "and ending with a letter or digit, like 'bronze' or 'sales-raw', got 'Bronze'")
                .contains("settings.blobSoftDeleteDays must be between 1 and 365 (Azure's soft-delete range), like 30, got 0")
                .contains("hub is required").contains("encryptionKey is required");
        assertThat(DataLakeArgs.builder().build().settings()).isEqualTo(LakeSettings.defaults());
    }

    @Test
    void containerUrlsNameOnlyConfiguredContainers() {
        assertThat(DataLake.containerUrl("ztpdevlake", List.of("bronze"), "bronze"))
                .isEqualTo("abfss://bronze@ztpdevlake.dfs.core.windows.net/");
        assertThatThrownBy(() -> DataLake.containerUrl("ztpdevlake", List.of("bronze", "gold"), "silver"))
                .hasMessage("DataLake has no container 'silver'; its containers are [bronze, gold] (LakeSettings.containers)");
        assertThat(DataLake.accountName(new Naming("ztp", "prod"))).isEqualTo("ztpprodlake");
    }

    @Test
    void bootstrapCreatesOnlyTheIdentitiesAndTheirGrantsSoBothHavePropagatedWhenTheyAreUsed() {
        var plan = plan(b -> b.bootstrap(true), new ArrayList<>());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType("azure-native:storage:StorageAccount")).isEmpty();
        assertThat(plan.ofType("azure-native:databricks:AccessConnector")).isEmpty();
        assertThat(plan.named("lake-cmk-key-use").inputString("scope").orElseThrow()).endsWith("/keys/lake-storage-rsa3072");
        assertThat(plan.named("lake-cmk-id")).isNotNull();
        // Unity Catalog's data role comes one deployment before the credential Databricks validates with it.
        var dataGrant = plan.named("lake-uc-data");
        assertThat(dataGrant.inputString("scope")).hasValue(LAKE_RG_ID);
        assertThat(dataGrant.inputString("roleDefinitionId").orElseThrow()).endsWith(BLOB_DATA_CONTRIBUTOR);
        assertThat(dataGrant.inputString("principalId"))
                .hasValue(plan.named("lake-uc-id").mockComputed().get("principalId").getAsString());
        assertThat(plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.urn().contains("DataLake"))).hasSize(2);
        assertThat(DataLakeArgs.builder().build().bootstrap()).isFalse();
    }

    @Test
    void theGrantsAreTheSameResourcesInBothDeploymentsSoTheSecondKeepsThem() {
        var bootstrap = plan(b -> b.bootstrap(true), new ArrayList<>());
        var next = plan(b -> b, new ArrayList<>());
        for (var name : List.of("lake-cmk-key-use", "lake-uc-data", "lake-uc-id", "lake-cmk-id")) {
            assertThat(next.named(name).id()).as(name).isEqualTo(bootstrap.named(name).id());
            assertThat(next.named(name).urn()).as(name).isEqualTo(bootstrap.named(name).urn());
        }
    }
}
