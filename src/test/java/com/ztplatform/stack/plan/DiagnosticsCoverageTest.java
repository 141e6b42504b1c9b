package com.ztplatform.stack.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.components.monitoring.LogAnalytics;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsCoverageTest {
    private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/";
    private static final String LAW = RG + "Microsoft.OperationalInsights/workspaces/law";
    private static final String VAULT = RG + "Microsoft.KeyVault/vaults/kv";
    private static final String ACCOUNT = RG + "Microsoft.Storage/storageAccounts/st";

    private final List<Plan.PlanResource> resources = new ArrayList<>();

    private void add(String name, String type, String id, String parent, JsonObject inputs) {
        resources.add(new Plan.PlanResource("urn:" + name, type, name, !type.startsWith("ztplatform:"), id, parent, "",
                List.of(), Map.of(), new JsonObject(), inputs, new JsonObject()));
    }

    private void setting(String name, String uri, String workspace, String logs) {
        var inputs = new JsonObject();
        inputs.addProperty("resourceUri", uri);
        inputs.addProperty("workspaceId", workspace);
        inputs.add("logs", JsonParser.parseString(logs));
        add(name, "azure-native:insights:DiagnosticSetting", uri + "/providers/Microsoft.Insights/diagnosticSettings/x",
                "", inputs);
    }

    private List<String> findings() {
        return DiagnosticsCoverage.findings(new Plan("p", "s", Map.of(), resources, new JsonObject(), List.of(),
                List.of()));
    }

    private void platform() {
        add("logs", LogAnalytics.TYPE, "", "", new JsonObject());
        add("logs-law", "azure-native:operationalinsights:Workspace", LAW, "urn:logs", new JsonObject());
        setting("logs-law-diag", LAW, LAW, "[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]");
    }

    @Test
    void aVaultWithoutASettingIsNamed() {
        platform();
        add("kv-vault", "azure-native:keyvault:Vault", VAULT, "", new JsonObject());
        assertThat(findings()).singleElement().asString().startsWith("kv-vault (" + VAULT + "): Microsoft.KeyVault/vaults");
        setting("kv-diag", VAULT, LAW, "[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]");
        assertThat(findings()).isEmpty();
    }

    @Test
    void aSettingToAnotherWorkspaceOrWithNothingEnabledDoesNotCount() {
        platform();
        add("kv-vault", "azure-native:keyvault:Vault", VAULT, "", new JsonObject());
        setting("kv-elsewhere", VAULT, RG + "Microsoft.OperationalInsights/workspaces/other",
                "[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]");
        setting("kv-disabled", VAULT, LAW, "[{\"categoryGroup\":\"allLogs\",\"enabled\":false}]");
        assertThat(findings()).singleElement().asString().contains("kv-vault");
    }

    @Test
    void aStorageAccountNeedsASettingOnEachOfItsFourServices() {
        platform();
        add("lake", "azure-native:storage:StorageAccount", ACCOUNT, "", new JsonObject());
        setting("lake-blob", ACCOUNT + "/blobServices/default", LAW, "[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]");
        assertThat(findings()).hasSize(3).allSatisfy(f -> assertThat(f).startsWith("lake ("))
                .anySatisfy(f -> assertThat(f).contains("fileServices/default"))
                .anySatisfy(f -> assertThat(f).contains("queueServices/default"))
                .anySatisfy(f -> assertThat(f).contains("tableServices/default"));
    }

    @Test
    void anUnclassifiedTypeIsAFindingAndTypesWithoutLogsAreNot() {
        platform();
        add("pe", "azure-native:network:PrivateEndpoint", RG + "Microsoft.Network/privateEndpoints/pe", "", new JsonObject());
        add("new", "azure-native:widgets:Widget", RG + "Microsoft.Widgets/widgets/w", "", new JsonObject());
        assertThat(findings()).singleElement().asString().contains("Microsoft.Widgets/widgets is not classified");
    }

    @Test
    void withoutThePlatformWorkspaceNothingCanBeCovered() {
        assertThat(findings()).singleElement().asString().startsWith("expected one platform Log Analytics workspace");
    }

    @Test
    void armTypesComeFromTheLastProvidersSegment() {
        assertThat(DiagnosticsCoverage.armType(ACCOUNT + "/blobServices/default"))
                .isEqualTo("Microsoft.Storage/storageAccounts/blobServices");
        assertThat(DiagnosticsCoverage.armType(VAULT + "/providers/Microsoft.Insights/diagnosticSettings/d"))
                .isEqualTo("Microsoft.Insights/diagnosticSettings");
        assertThat(DiagnosticsCoverage.armType("/subscriptions/s/resourceGroups/rg"))
                .isEqualTo("Microsoft.Resources/resourceGroups");
    }
}
