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
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharingStorageTest {
    private static final List<String> PARTNERS = List.of("52.174.10.5", "20.61.12.16/28", "52.174.10.5");

    /** The dev lake, and the sharing account beside it when {@code ipRules} is not null. */
    private static Plan plan(List<String> ipRules, List<String> urls) {
        return MockRun.run(ctx -> {
            var naming = new Naming("ztp", "dev", "k3x9q");
            var rg = Output.of("ztp-dev-hub-rg");
            var common = CommonOptions.defaults().withLogAnalyticsWorkspaceId(Output.of("/subscriptions/"
                    + "00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg/providers/"
                    + "Microsoft.OperationalInsights/workspaces/ztp-dev-law"));
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).addressSpace("10.10.0.0/22").common(common).build(), null);
            var kv = new KeyVaultScope("kv", KeyVaultScopeArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(naming).keys(EnumSet.of(KeyPurpose.DATA_LAKE))
                    .privateEndpointSubnetId(hub.privateEndpointSubnetId())
                    .privateDnsZoneId(hub.privateDnsZoneIds().get(PrivateDnsZones.KEY_VAULT)).common(common).build(), null);
            var lake = new DataLake("lake", DataLakeArgs.builder().resourceGroupName(Output.of("ztp-dev-lake-rg"))
                    .location("westeurope").naming(naming).hub(hub).encryptionKey(kv.lakeKey().orElseThrow())
                    .common(common).build(), null);
            if (ipRules != null) {
                var sharing = new SharingStorage("sharing", SharingStorageArgs.builder().lake(lake).ipRules(ipRules)
                        .build(), null);
                sharing.containerUrl().applyValue(urls::add);
            }
        });
    }

    @Test
    void thePublicEndpointAdmitsExactlyTheRecipientsNetworksAndTheAccessConnector() {
        var urls = new ArrayList<String>();
        var plan = plan(PARTNERS, urls);
        assertThat(plan.errors()).isEmpty();
        var account = plan.named("sharing-account");
        assertThat(account.inputString("accountName")).hasValue("ztpdevsharingk3x9q");
        assertThat(account.inputString("resourceGroupName")).hasValue("ztp-dev-lake-rg");
        assertThat(account.inputString("publicNetworkAccess")).hasValue("Enabled");
        assertThat(account.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        assertThat(account.inputString("networkRuleSet.bypass")).hasValue("None");
        assertThat(account.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        // Sorted, deduplicated, single addresses without a prefix (Azure refuses /31 and /32).
        assertThat(account.input("networkRuleSet.ipRules").orElseThrow().toString()).isEqualTo(
                "[{\"action\":\"Allow\",\"iPAddressOrRange\":\"20.61.12.16/28\"},"
                        + "{\"action\":\"Allow\",\"iPAddressOrRange\":\"52.174.10.5\"}]");
        var rules = account.input("networkRuleSet.resourceAccessRules").orElseThrow().getAsJsonArray();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).getAsJsonObject().get("resourceId").getAsString())
                .isEqualTo(plan.named("lake-access-connector").id());
        assertThat(urls).containsExactly("abfss://sharing@ztpdevsharingk3x9q.dfs.core.windows.net/");
    }

    @Test
    void theAccountHasTheLakesHardeningKeyAndIdentity() {
        var plan = plan(PARTNERS, new ArrayList<>());
        var account = plan.named("sharing-account");
        var lake = plan.named("lake-account");
        for (var path : List.of("kind", "sku.name", "isHnsEnabled", "allowSharedKeyAccess", "defaultToOAuthAuthentication",
                "allowBlobPublicAccess", "allowCrossTenantReplication", "minimumTlsVersion", "enableHttpsTrafficOnly",
                "identity", "encryption")) {
            assertThat(account.input(path)).as(path).isEqualTo(lake.input(path)).isPresent();
        }
        assertThat(account.input("allowSharedKeyAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(account.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("encryption.encryptionIdentity.encryptionUserAssignedIdentity"))
                .hasValue(plan.named("lake-cmk-id").id());
        assertThat(account.dependencies()).contains(plan.named("lake-cmk-key-use").urn());
        var blob = plan.named("sharing-blob");
        assertThat(blob.input("deleteRetentionPolicy.enabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(blob.input("containerDeleteRetentionPolicy.enabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(plan.named("sharing-container-sharing").inputString("publicAccess")).hasValue("None");
        // Audited like the lake: one diagnostic setting per storage service.
        for (var service : java.util.List.of("blob", "file", "queue", "table")) {
            assertThat(plan.named("sharing-diag-" + service).inputString("resourceUri").orElseThrow()).endsWith(
                    "/storageAccounts/ztpdevsharingk3x9q/" + service + "Services/default");
        }
        var endpoints = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(e -> e.urn().contains("sharing-pe")).toList();
        assertThat(endpoints).hasSize(2);
        assertThat(endpoints).allSatisfy(e -> assertThat(e.input("privateLinkServiceConnections").orElseThrow()
                .toString()).contains("ztpdevsharingk3x9q"));
    }

    @Test
    void theLakeStaysClosedWhenTheSharingAccountExists() {
        var without = plan(null, new ArrayList<>()).named("lake-account");
        var with = plan(PARTNERS, new ArrayList<>()).named("lake-account");
        assertThat(with.input("networkRuleSet")).isEqualTo(without.input("networkRuleSet"));
        assertThat(with.input("publicNetworkAccess")).isEqualTo(without.input("publicNetworkAccess"));
        assertThat(with.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(with.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(with.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
    }

    @Test
    void argumentsNameEveryProblem() {
        assertThat(SharingStorageArgs.builder().ipRules(List.of("10.0.0.0/8", "1.2.3.4/32")).build().problems())
                .containsExactly("lake is required: the environment's DataLake, like new DataLake(\"lake\", ...)",
                        "ipRules[0] '10.0.0.0/8' overlaps the private range 10.0.0.0/8: the storage firewall admits "
                                + "only public internet addresses, like 20.61.12.17 or 20.61.12.16/28",
                        "ipRules[1] '1.2.3.4/32': the storage firewall does not take /31 or /32 ranges; give each "
                                + "address alone, without a prefix, like 1.2.3.4");
        assertThat(SharingStorageArgs.builder().build().problems()).contains("ipRules must name at least one "
                + "recipient network, like [20.61.12.16/28]: the account exists so recipients can read it");
        var plan = plan(List.of(), new ArrayList<>());
        assertThat(String.join("\n", plan.errors())).contains("ipRules must name at least one recipient network");
        assertThat(plan.ofType("azure-native:storage:StorageAccount")).extracting(Plan.PlanResource::name)
                .containsExactly("lake-account");
    }

    @Test
    void ipRulesAreKeptUnchangedInTheirOrderOnlyWhenInvalid() {
        assertThat(SharingStorageArgs.builder().ipRules(PARTNERS).build().ipRules())
                .containsExactly("20.61.12.16/28", "52.174.10.5");
        assertThat(SharingStorageArgs.builder().ipRules(List.of("52.174.10.5", "fd00::/8")).build().ipRules())
                .containsExactly("52.174.10.5", "fd00::/8");
    }
}
