package com.ztplatform.components.common;

import com.pulumi.core.Output;
import com.ztplatform.components.offline.MockRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticsTest {
    @Test
    void theReferenceDataClassifiesEachTypeOnceWithItsSourcePage() {
        assertThat(Diagnostics.diagnosable()).isNotEmpty().allSatisfy((type, p) -> {
            assertThat(p.source()).startsWith("https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/");
            assertThat(Diagnostics.withoutResourceLogs()).doesNotContainKey(type);
            assertThat(Diagnostics.excluded()).doesNotContainKey(type);
        });
        assertThat(Diagnostics.withoutResourceLogs()).doesNotContainKeys(Diagnostics.excluded().keySet().toArray(String[]::new));
    }

    @Test
    void groupsWhereTheTypeOffersThemCategoriesAndDedicatedTablesWhereItNeedsThem() {
        var vault = Diagnostics.profile("Microsoft.KeyVault/vaults");
        assertThat(vault.categoryGroup()).hasValue("allLogs");
        assertThat(vault.dedicated()).isFalse();
        var firewall = Diagnostics.profile("microsoft.network/azurefirewalls");
        assertThat(firewall.categoryGroup()).isEmpty();
        assertThat(firewall.categories()).contains("AZFWNetworkRule", "AZFWApplicationRule", "AZFWDnsQuery");
        assertThat(firewall.dedicated()).isTrue();
        // NSG flow events come from (retired) NSG flow logs, never from a diagnostic setting.
        assertThat(Diagnostics.profile("Microsoft.Network/networkSecurityGroups").categories())
                .doesNotContain("NetworkSecurityGroupFlowEvent");
        assertThatThrownBy(() -> Diagnostics.profile("Microsoft.Network/privateEndpoints"))
                .hasMessageContaining("is not diagnosable");
    }

    @Test
    void aStorageAccountGetsOneSettingPerServiceAndNothingWithoutAWorkspace() {
        var law = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law";
        var account = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st";
        var plan = MockRun.run(ctx -> {
            var parent = new com.pulumi.resources.ComponentResource("test:index:Parent", "p");
            Diagnostics.sendStorage("st-diag", Output.of(account),
                    CommonOptions.defaults().withLogAnalyticsWorkspaceId(Output.of(law)), parent);
            Diagnostics.send("none", "Microsoft.KeyVault/vaults", Output.of("x"), CommonOptions.defaults(), parent);
        });
        var settings = plan.ofType("azure-native:insights:DiagnosticSetting");
        assertThat(settings).extracting(s -> s.inputString("resourceUri").orElseThrow()).containsExactlyInAnyOrder(
                account + "/blobServices/default", account + "/fileServices/default",
                account + "/queueServices/default", account + "/tableServices/default");
        assertThat(settings).allSatisfy(s -> {
            assertThat(s.inputString("workspaceId")).hasValue(law);
            assertThat(s.inputString("name")).hasValue(Diagnostics.SETTING_NAME);
            assertThat(s.inputString("logs[0].categoryGroup")).isEmpty();
            assertThat(s.input("logs").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("categoryGroup")
                    .getAsString()).isEqualTo("allLogs");
        });
    }
}
