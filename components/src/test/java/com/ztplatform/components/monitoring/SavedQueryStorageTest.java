package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.keyvault.RoleDefinitions;
import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SavedQueryStorageTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg/providers/";
    private static final String KEY_ID = SUB + "Microsoft.KeyVault/vaults/ztp-dev-platform-kv/keys/law-saved-queries-rsa3072";

    private static Plan plan(boolean lock) {
        return plan(lock, false);
    }

    private static Plan plan(boolean lock, boolean bootstrap) {
        return MockRun.run(ctx -> {
            var logs = new LogAnalytics("logs", LogAnalyticsArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).build(), null);
            new SavedQueryStorage("saved-queries", SavedQueryStorageArgs.builder()
                    .resourceGroupName(Output.of("ztp-dev-hub-rg")).naming(NAMING)
                    .workspace(logs.created().orElseThrow())
                    .encryptionKey(new StorageEncryptionKey(Output.of("https://ztp-dev-platform-kv.vault.azure.net/"),
                            Output.of("law-saved-queries-rsa3072"), Output.of(KEY_ID)))
                    .privateEndpointSubnetId(Output.of(SUB + "Microsoft.Network/virtualNetworks/ztp-dev-hub-vnet/subnets/pe"))
                    .blobPrivateDnsZoneId(Output.of(SUB + "Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"))
                    .common(new CommonOptions(Map.of("owner", "team"), false, lock, java.util.Optional.of(Output.of(SUB
                            + "Microsoft.OperationalInsights/workspaces/ztp-dev-hub-law")))).bootstrap(bootstrap).build(), null);
        });
    }

    @Test
    void theFirstDeploymentMakesOnlyTheKeyIdentityAndItsGrantSoTheGrantIsEffectiveWhenTheAccountIsCreated() {
        var plan = plan(false, true);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType("azure-native:storage:StorageAccount")).isEmpty();
        assertThat(plan.ofType("azure-native:operationalinsights:LinkedStorageAccount")).isEmpty();
        var identity = plan.ofType("azure-native:managedidentity:UserAssignedIdentity").get(0);
        var grants = plan.ofType("azure-native:authorization:RoleAssignment");
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.inputString("scope")).hasValue(KEY_ID);
            // Key Vault Crypto Service Encryption User
            assertThat(g.inputString("roleDefinitionId").orElseThrow()).endsWith("e147488a-f6f5-4113-8e2d-b22465e65bf6");
            assertThat(g.inputString("principalId")).hasValue(identity.mockComputed().get("principalId").getAsString());
        });
        // The next deployment keeps the same identity and grant (same names), so the account finds the grant effective.
        var next = plan(false, false);
        assertThat(next.ofType("azure-native:managedidentity:UserAssignedIdentity").get(0).urn()).isEqualTo(identity.urn());
    }

    @Test
    void theWorkspaceForcesCustomerStorageForQueriesAndHasTheIdentityAzureRequiresToLinkIt() {
        var workspace = plan(false).ofType("azure-native:operationalinsights:Workspace").get(0);
        assertThat(workspace.input("forceCmkForQuery").orElseThrow().getAsBoolean()).isTrue();
        assertThat(workspace.inputString("identity.type")).hasValue("SystemAssigned");
    }

    @Test
    void oneAccountInTheWorkspacesRegionIsLinkedForQueriesAndAlertsAfterTheWorkspaceMayWriteIt() {
        var plan = plan(false);
        assertThat(plan.errors()).isEmpty();
        var workspace = plan.ofType("azure-native:operationalinsights:Workspace").get(0);
        var account = plan.ofType("azure-native:storage:StorageAccount").get(0);
        assertThat(account.inputString("location")).hasValue("westeurope");
        assertThat(account.inputString("accountName")).hasValue(SavedQueryStorage.accountName(NAMING));
        var links = plan.ofType("azure-native:operationalinsights:LinkedStorageAccount");
        assertThat(links).extracting(l -> l.inputString("dataSourceType").orElseThrow()).containsExactlyInAnyOrder("Query", "Alerts");
        var principal = workspace.mockComputed().get("identity").getAsJsonObject().get("principalId").getAsString();
        var dataGrant = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.inputString("principalId").orElseThrow().equals(principal)).toList();
        assertThat(dataGrant).hasSize(1);
        assertThat(dataGrant.get(0).inputString("scope")).hasValue(account.id());
        // Storage Table Data Contributor, the role learn.microsoft.com/azure/azure-monitor/logs/private-storage names.
        assertThat(dataGrant.get(0).inputString("roleDefinitionId").orElseThrow()).endsWith("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3");
        for (var link : links) {
            assertThat(link.inputString("workspaceName")).hasValue("ztp-dev-hub-law");
            assertThat(link.input("storageAccountIds").orElseThrow().getAsJsonArray().get(0).getAsString()).isEqualTo(account.id());
            assertThat(link.dependencies()).contains(dataGrant.get(0).urn());
        }
    }

    @Test
    void theAccountIsHardenedAndTakesItsKeyThroughAnIdentityGrantedThatKeyBeforeItExists() {
        var plan = plan(false);
        var account = plan.ofType("azure-native:storage:StorageAccount").get(0);
        assertThat(account.input("allowSharedKeyAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.inputString("minimumTlsVersion")).hasValue("TLS1_2");
        assertThat(account.input("enableHttpsTrafficOnly").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.input("allowBlobPublicAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.input("allowCrossTenantReplication").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        assertThat(account.inputString("networkRuleSet.bypass")).hasValue("AzureServices");
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.keySource")).hasValue("Microsoft.Keyvault");
        assertThat(account.inputString("encryption.keyVaultProperties.keyName")).hasValue("law-saved-queries-rsa3072");
        var identity = plan.ofType("azure-native:managedidentity:UserAssignedIdentity").get(0);
        assertThat(account.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity")).hasValue(identity.id());
        var keyGrant = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.inputString("scope").orElseThrow().equals(KEY_ID)).toList();
        assertThat(keyGrant).hasSize(1);
        assertThat(keyGrant.get(0).inputString("roleDefinitionId").orElseThrow())
                .endsWith(RoleDefinitions.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER);
        assertThat(account.dependencies()).contains(keyGrant.get(0).urn());
        var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").get(0);
        assertThat(endpoint.input("privateLinkServiceConnections").orElseThrow().toString()).contains("\"blob\"");
        assertThat(plan.ofType("azure-native:insights:DiagnosticSetting"))
                .extracting(d -> d.inputString("resourceUri").orElseThrow())
                .contains(account.id() + "/blobServices/default");
    }

    @Test
    void theAccountIsLockedOnlyWhenTheStackLocks() {
        assertThat(plan(false).ofType("azure-native:authorization:ManagementLockByScope")).isEmpty();
        assertThat(plan(true).ofType("azure-native:authorization:ManagementLockByScope"))
                .singleElement().satisfies(l -> assertThat(l.inputString("level")).hasValue("CanNotDelete"));
    }

    @Test
    void missingArgumentsAreNamedWithAnExample() {
        assertThat(SavedQueryStorageArgs.builder().build().problems()).anySatisfy(p -> assertThat(p)
                .startsWith("workspace is required").contains("logs.created().orElseThrow()"))
                .anySatisfy(p -> assertThat(p).startsWith("encryptionKey is required"))
                .anySatisfy(p -> assertThat(p).startsWith("blobPrivateDnsZoneId is required"));
        assertThat(MockRun.run(ctx -> new SavedQueryStorage("q", SavedQueryStorageArgs.builder().build(), null)).errors())
                .anySatisfy(e -> assertThat(e).contains("resourceGroupName is required"));
    }
}
