package com.ztplatform.components.keyvault;

import com.ztplatform.components.keyvault.TestKeys;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultScopeTest {
    private static final String DATABRICKS_OBJECT_ID = "9b38785a-6e08-4087-a0c4-20634343f21f";
    private static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";

    private static KeyVaultScopeArgs.Builder args() {
        return KeyVaultScopeArgs.builder()
                .resourceGroupName(Output.of("ztp-prod-hub-rg"))
                .location("westeurope")
                .naming(new Naming("ztp", "prod"))
                .azureDatabricksObjectId(DATABRICKS_OBJECT_ID)
                .privateEndpointSubnetId(Output.of(SUBSCRIPTION + "/resourceGroups/ztp-prod-hub-rg/providers/"
                        + "Microsoft.Network/virtualNetworks/ztp-prod-hub-vnet/subnets/snet-private-endpoints"))
                .privateDnsZoneId(Output.of(SUBSCRIPTION + "/resourceGroups/ztp-prod-hub-rg/providers/"
                        + "Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"))
                .common(CommonOptions.defaults().withTags(Map.of("owner", "team"))
                        .withLogAnalyticsWorkspaceId(Output.of(SUBSCRIPTION + "/resourceGroups/rg/providers/"
                                + "Microsoft.OperationalInsights/workspaces/law")));
    }

    private static Plan plan(UnaryOperator<KeyVaultScopeArgs.Builder> customise) {
        var plan = MockRun.run(ctx -> {
            var kv = new KeyVaultScope("kv", customise.apply(args()).build(), null);
            if (kv.customerManagedKey(KeyPurpose.DBFS_ROOT).isPresent()) {
                kv.grantKeyUse("grant-analytics-dbfs-root", KeyPurpose.DBFS_ROOT,
                        Output.of("dc078bd4-d2ce-68d4-7e70-4cb31bd78491"), "DBFS root");
            }
        });
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    private static Plan.PlanResource vault(Plan plan) {
        return plan.ofType("azure-native:keyvault:Vault").get(0);
    }

    @Test
    void vaultIsRbacPurgeProtectedPrivateAndDeniesByDefault() {
        var vault = vault(plan(b -> b));
        assertThat(vault.input("properties.enableRbacAuthorization").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vault.input("properties.enablePurgeProtection").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vault.input("properties.enableSoftDelete").orElseThrow().getAsBoolean()).isTrue();
        assertThat(vault.input("properties.softDeleteRetentionInDays").orElseThrow().getAsInt()).isEqualTo(90);
        assertThat(vault.inputString("properties.publicNetworkAccess")).hasValue("Disabled");
        assertThat(vault.inputString("properties.networkAcls.defaultAction")).hasValue("Deny");
        assertThat(vault.inputString("properties.networkAcls.bypass")).hasValue("AzureServices");
        assertThat(vault.input("properties.networkAcls.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(vault.input("properties.accessPolicies")).isEmpty();
        assertThat(vault.inputString("properties.sku.name")).hasValue("standard");
    }

    @Test
    void privateEndpointGoesToTheVaultZoneAndAuditLogsToLogAnalytics() {
        var plan = plan(b -> b);
        var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").get(0);
        var connection = endpoint.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(connection.get("privateLinkServiceId").getAsString()).isEqualTo(vault(plan).id());
        assertThat(connection.get("groupIds").toString()).isEqualTo("[\"vault\"]");
        var zoneGroup = plan.ofType("azure-native:network:PrivateDnsZoneGroup").get(0);
        assertThat(zoneGroup.input("privateDnsZoneConfigs").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .get("privateDnsZoneId").getAsString()).endsWith("/privateDnsZones/privatelink.vaultcore.azure.net");
        var diag = plan.ofType("azure-native:insights:DiagnosticSetting").get(0);
        assertThat(diag.inputString("resourceUri")).hasValue(vault(plan).id());
        assertThat(diag.input("logs").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("categoryGroup")
                .getAsString()).isEqualTo("allLogs");
    }

    @Test
    void azureDatabricksGetsSecretsUserOnTheVaultOnly() {
        var plan = plan(b -> b);
        var assignments = plan.ofType("azure-native:authorization:RoleAssignment");
        assertThat(assignments).singleElement().satisfies(a -> {
            assertThat(a.inputString("principalId")).hasValue(DATABRICKS_OBJECT_ID);
            assertThat(a.inputString("scope")).hasValue(vault(plan).id());
            assertThat(a.inputString("roleDefinitionId")).hasValue(SUBSCRIPTION
                    + "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6");
            assertThat(a.inputString("principalType")).hasValue("ServicePrincipal");
            assertThat(a.inputString("roleAssignmentName").orElseThrow()).matches("[0-9a-f-]{36}");
        });
    }

    @Test
    void hsmKeysRotateNotifyAndExpireAndEachIdentityMayUseOnlyItsKey() {
        var plan = plan(b -> b.sku("premium").hsmKeys(true).keys(EnumSet.allOf(KeyPurpose.class))
                .rotation(new KeyRotation("P180D", "P1Y", "P30D")));
        assertThat(vault(plan).inputString("properties.sku.name")).hasValue("premium");
        var keys = plan.ofType("azure-native:keyvault:Key");
        assertThat(keys).extracting(k -> k.inputString("keyName").orElseThrow())
                .containsExactlyInAnyOrder("dbw-managed-services-rsahsm3072", "dbw-managed-disk-rsahsm3072",
                        "dbw-dbfs-root-rsahsm3072", "lake-storage-rsahsm3072", "landing-staging-rsahsm3072",
                        "router-os-disk-rsahsm3072", "law-saved-queries-rsahsm3072", "ml-storage-rsahsm3072",
                        "func-storage-rsahsm3072", "flowlogs-storage-rsahsm3072");
        for (var key : keys) {
            assertThat(key.inputString("properties.kty")).hasValue("RSA-HSM");
            assertThat(key.input("properties.keyOps").orElseThrow().toString()).isEqualTo("[\"wrapKey\",\"unwrapKey\"]");
            assertThat(key.inputString("properties.rotationPolicy.attributes.expiryTime")).hasValue("P1Y");
            var actions = key.input("properties.rotationPolicy.lifetimeActions").orElseThrow().getAsJsonArray();
            assertThat(actions.toString())
                    .contains("{\"action\":{\"type\":\"Rotate\"},\"trigger\":{\"timeAfterCreate\":\"P180D\"}}")
                    .contains("{\"action\":{\"type\":\"Notify\"},\"trigger\":{\"timeBeforeExpiry\":\"P30D\"}}");
        }
        var cryptoUser = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
        var grants = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(a -> a.inputString("roleDefinitionId").orElse("").endsWith(cryptoUser)).toList();
        // AzureDatabricks on the managed-services key, the storage identity on the DBFS-root key.
        assertThat(grants).hasSize(2);
        grants.forEach(g -> assertThat(g.inputString("scope").orElseThrow()).contains("/keys/"));
        assertThat(grants).anySatisfy(g -> {
            assertThat(g.inputString("principalId")).hasValue(DATABRICKS_OBJECT_ID);
            assertThat(g.inputString("scope").orElseThrow()).endsWith("/keys/dbw-managed-services-rsahsm3072");
        });
        assertThat(grants).anySatisfy(g -> {
            assertThat(g.inputString("principalId")).hasValue("dc078bd4-d2ce-68d4-7e70-4cb31bd78491");
            assertThat(g.inputString("scope").orElseThrow()).endsWith("/keys/dbw-dbfs-root-rsahsm3072");
        });
    }

    @Test
    void validationNamesTheFieldAndTheLookupCommand() {
        assertThat(KeyVaultScopeArgs.settingsProblems("keyVault.", "standard", true, KeyRotation.defaults(),
                Optional.empty(), true)).containsExactly(
                "keyVault.hsmKeys needs sku premium (HSM-protected keys), got sku standard",
                "keyVault.azureDatabricksObjectId is required for Key Vault-backed secret scopes and the managed-services "
                        + "key; look it up with: az ad sp show --id 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --query id -o tsv");
        assertThat(KeyVaultScopeArgs.settingsProblems("keyVault.", "premium", false, KeyRotation.defaults(),
                Optional.of("not-a-guid"), true)).singleElement().asString()
                .startsWith("keyVault.azureDatabricksObjectId must be a GUID");
        assertThat(new KeyRotation("P2Y", "P1Y", "P30D").problems("rotation")).contains(
                "rotation.rotateAfter (P2Y) must be shorter than expireAfter (P1Y), or versions expire before they are rotated");
        assertThat(new KeyRotation("1 year", "P1Y", "P30D").problems("rotation")).singleElement().asString()
                .isEqualTo("rotation.rotateAfter must be an ISO 8601 period like P1Y, got '1 year'");
        var plan = MockRun.run(ctx -> new KeyVaultScope("kv", args().sku("gold").keys(Set.of()).build(), null));
        assertThat(String.join("\n", plan.errors())).contains("sku must be standard or premium, like premium, got 'gold'");
    }

    @Test
    void keysAreCreateOnlySoTheirMaterialIsInTheNameAndTheRestIsNotDiffed() {
        // ARM never updates an existing key: a new type or size must be a new key, under a new name.
        assertThat(KeyVaultScope.keyName(KeyPurpose.MANAGED_SERVICES, "RSA", 3072)).isEqualTo("dbw-managed-services-rsa3072");
        assertThat(KeyVaultScope.keyName(KeyPurpose.MANAGED_SERVICES, "RSA-HSM", 3072))
                .isNotEqualTo(KeyVaultScope.keyName(KeyPurpose.MANAGED_SERVICES, "RSA", 3072));
        assertThat(KeyVaultScope.keyName(KeyPurpose.DBFS_ROOT, "RSA", 4096))
                .isNotEqualTo(KeyVaultScope.keyName(KeyPurpose.DBFS_ROOT, "RSA", 3072));
        var plan = plan(b -> b.keys(EnumSet.allOf(KeyPurpose.class)));
        assertThat(plan.ofType("azure-native:keyvault:Key")).hasSize(KeyPurpose.values().length).allSatisfy(k -> {
            assertThat(k.inputString("keyName").orElseThrow()).endsWith("-rsa3072");
            assertThat(k.options().get("ignoreChanges").toString()).isEqualTo("[\"properties\",\"tags\"]");
        });
    }

    @Test
    void rotationChangesAreAppliedOnTheDataPlaneWithTheStacksPolicy() {
        var commands = new java.util.ArrayList<String>();
        MockRun.run(ctx -> {
            var kv = new KeyVaultScope("kv", args().keys(EnumSet.of(KeyPurpose.MANAGED_DISK))
                    .rotation(new KeyRotation("P90D", "P180D", "P14D")).build(), null);
            kv.rotationPolicyCommand(KeyPurpose.MANAGED_DISK).applyValue(commands::add);
        });
        assertThat(commands).singleElement().asString()
                .startsWith("az keyvault key rotation-policy update --vault-name ztp-prod-platform-kv --name dbw-managed-disk-rsa3072 ")
                .contains("\"timeAfterCreate\":\"P90D\"").contains("\"timeBeforeExpiry\":\"P14D\"")
                .contains("\"expiryTime\":\"P180D\"");
    }
}
