package com.ztplatform.components.serverless;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.DisableLegacyDbfsSetting;
import com.ztplatform.databricks.IpAccessList;
import com.ztplatform.components.firewall.EgressCatalogue;
import com.ztplatform.components.firewall.EgressRules;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerlessTest {
    private static final String ACCOUNT = "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d";
    private static final String WORKSPACE_CONF = "databricks:index/workspaceConf:WorkspaceConf";
    private static final String LAKE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/"
            + "providers/Microsoft.Storage/storageAccounts/lakeprod";

    /** The same rule set the firewall would be given: westeurope control plane plus one wildcard contribution. */
    private static List<com.ztplatform.components.firewall.RuleCollectionGroupSpec> firewallRules() {
        var contribution = new RuleContribution("landing", List.of(new RuleCollection("onelake", 100, List.of(
                new FirewallRule.ApplicationRule("onelake", List.of(SourceGroups.DATABRICKS),
                        List.of("onelake.dfs.fabric.microsoft.com", "*.onelake.dfs.fabric.microsoft.com"),
                        List.of("Https:443"), "OneLake")))));
        return EgressRules.generate(EgressCatalogue.load(), FirewallSettings.defaults().ruleOptions("westeurope"),
                List.of(contribution)).groups();
    }

    @Test
    void allowlistKeepsExactNamesAndReportsWhatServerlessCannotExpress() {
        var result = ServerlessAllowlist.from(firewallRules());
        assertThat(result.destinations()).contains("onelake.dfs.fabric.microsoft.com", "login.microsoftonline.com",
                "dbartifactsprodwesteu.blob.core.windows.net").doesNotContain("*.onelake.dfs.fabric.microsoft.com");
        assertThat(result.notExpressible()).anySatisfy(e -> assertThat(e).contains("wildcard *.onelake.dfs.fabric.microsoft.com"));
        assertThat(result.notExpressible()).anySatisfy(e -> assertThat(e).contains("address 20.73.215.48/28"));
    }

    @Test
    void metastoreNamesOnTcp3306NeverReachTheServerlessPolicy() {
        var options = new com.ztplatform.components.firewall.FirewallSettings(
                com.ztplatform.components.firewall.FirewallSku.STANDARD, List.of(), "Deny", true, Optional.empty(),
                com.ztplatform.components.firewall.ControlPlaneMode.FQDN, true, true, java.util.Map.of(), java.util.Set.of())
                .ruleOptions("westeurope");
        var groups = EgressRules.generate(EgressCatalogue.load(), options, List.of()).groups();
        var metastore = "consolidated-westeurope-prod-metastore.mysql.database.azure.com";
        // The firewall has the 3306 rule; serverless gets the name reported, not allowed.
        assertThat(groups.toString()).contains(metastore);
        var result = ServerlessAllowlist.from(groups);
        assertThat(result.destinations()).noneMatch(d -> d.contains("metastore") || d.contains("mysql"));
        assertThat(result.notExpressible()).anySatisfy(e -> assertThat(e).contains(metastore + " on port(s) 3306"));
    }

    @Test
    void nccBindingsRulesAndPolicyAreWired() {
        var rules = firewallRules();
        var plan = MockRun.run(ctx -> {
            var account = DatabricksProvider.account("acct", Output.of(ACCOUNT), DatabricksAzureAuth.azureCli(), null);
            new ServerlessEgress("serverless", ServerlessEgressArgs.builder().accountProvider(account)
                    .region("westeurope").naming(new Naming("ztp", "prod"))
                    .settings(new ServerlessSettings(ACCOUNT, Optional.empty(), 0, "ENFORCED",
                            List.of(new ServerlessSettings.PrivateStorage(LAKE, List.of("dfs", "blob")))))
                    .workspaces(List.of(new ServerlessEgressArgs.Workspace("analytics", Output.of("1111")),
                            new ServerlessEgressArgs.Workspace("datasci", Output.of("2222"))))
                    .keyVaultId(Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"))
                    .firewallRules(rules).build(), null);
        });
        assertThat(plan.errors()).isEmpty();
        var ncc = plan.ofType("databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig").get(0);
        assertThat(ncc.inputString("region")).hasValue("westeurope");
        assertThat(plan.ofType("databricks:index/mwsNccBinding:MwsNccBinding"))
                .extracting(b -> b.inputString("workspaceId").orElseThrow()).containsExactlyInAnyOrder("1111", "2222");
        assertThat(plan.ofType("databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule"))
                .extracting(r -> r.inputString("groupId").orElseThrow() + "@" + r.inputString("resourceId").orElseThrow())
                .containsExactlyInAnyOrder("vault@/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
                        "dfs@" + LAKE, "blob@" + LAKE);
        plan.resources().stream().filter(r -> r.type().startsWith("databricks:"))
                .forEach(r -> assertThat(r.provider()).contains("pulumi:providers:databricks::acct"));
        var policy = plan.ofType("databricks:index/accountNetworkPolicy:AccountNetworkPolicy").get(0);
        var destinations = new java.util.TreeSet<String>();
        policy.input("egress.networkAccess.allowedInternetDestinations").orElseThrow().getAsJsonArray()
                .forEach(d -> destinations.add(d.getAsJsonObject().get("destination").getAsString()));
        assertThat(destinations).containsExactlyElementsOf(ServerlessAllowlist.from(rules).destinations());
        // Pinned independently of ServerlessAllowlist: exact names of the control plane and the contribution pass,
        // wildcards never reach the policy.
        assertThat(destinations).contains("onelake.dfs.fabric.microsoft.com", "login.microsoftonline.com",
                "dbartifactsprodwesteu.blob.core.windows.net").noneMatch(d -> d.contains("*"));
        assertThat(policy.input("egress.networkAccess.allowedStorageDestinations").orElseThrow().toString())
                .contains("\"azureStorageAccount\":\"lakeprod\"", "\"azureStorageService\":\"dfs\"");
    }

    @Test
    void settingsAreValidatedWithTheLimitAndExamples() {
        assertThat(new ServerlessSettings(ACCOUNT, Optional.empty(), 10, "ENFORCED", List.of()).problems("serverless"))
                .containsExactly("serverless.otherNccsInRegion 10: with the one this stack creates the account would "
                        + "have 11 network connectivity configurations in this region; Databricks allows at most 10. Reuse "
                        + "one with existingNccId, or remove unused ones");
        assertThat(new ServerlessSettings(ACCOUNT, Optional.of("ncc-1"), 10, "ENFORCED", List.of()).problems("serverless")).isEmpty();
        assertThat(new ServerlessSettings("abc", Optional.empty(), 0, "AUDIT", List.of()).problems("serverless"))
                .hasSize(2).anySatisfy(p -> assertThat(p).startsWith("serverless.accountId must be the Databricks account id"))
                .anySatisfy(p -> assertThat(p).startsWith("serverless.enforcement must be ENFORCED or DRY_RUN"));
    }

    @Test
    void hardeningValidation() {
        var bad = new HardeningSettings(true, true, 90, false, false, List.of("10.0.0.0/33", "0.0.0.0/0"));
        assertThat(bad.problems("workspaceHardening"))
                .anySatisfy(p -> assertThat(p).startsWith("workspaceHardening.breakGlassIpRanges[0] must be an IPv4 CIDR"))
                .anySatisfy(p -> assertThat(p).contains("0.0.0.0/0 is wider than /16"));
    }

    @Test
    void enhancedSecurityComplianceKeysAreRefusedWithTheReasonAndTheWayOut() {
        // Azure workspace properties (API 2023-09-15-preview+), not reachable with azure-native 2.10.0.
        var problems = HardeningSettings.unsupportedKeyProblems("h",
                List.of("complianceStandards", "enhancedSecurityMonitoring", "automaticClusterUpdate", "maxTokenLifetimeDays"));
        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p)
                .contains("cannot be set with azure-native 2.10.0").contains("enhancedSecurityCompliance on the Azure workspace")
                .contains("Remove the key").contains("What needs a newer azure-native"));
        assertThat(problems.get(0)).startsWith("h.complianceStandards ").contains("cannot be turned off");
        assertThat(HardeningSettings.unsupportedKeyProblems("h", List.of("maxTokenLifetimeDays"))).isEmpty();
    }

    private static Plan hardening(List<String> breakGlassIpRanges, List<String> warnings) {
        return MockRun.run(ctx -> {
            var provider = DatabricksProvider.workspace("ws", Output.of("adb-1.1.azuredatabricks.net"),
                    Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
                    DatabricksAzureAuth.azureCli(), null);
            var hardening = new WorkspaceHardening("h", new HardeningSettings(true, true, 30,
                    false, false, breakGlassIpRanges), provider, null);
            warnings.addAll(hardening.warnings());
        });
    }

    @Test
    void breakGlassListOnlyWhenConfiguredAndThenWarned() {
        var warnings = new java.util.ArrayList<String>();
        var plan = hardening(List.of("203.0.113.0/28"), warnings);
        assertThat(plan.errors()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("opens the front door");
        var list = plan.ofType(IpAccessList.TYPE).get(0);
        assertThat(list.inputString("listType")).hasValue("ALLOW");
        assertThat(list.input("ipAddresses").orElseThrow().toString()).isEqualTo("[\"203.0.113.0/28\"]");
        var conf = plan.ofType(WORKSPACE_CONF).get(0);
        assertThat(conf.inputString("customConfig.enableIpAccessLists")).hasValue("true");
        assertThat(conf.dependencies()).contains(plan.ofType(DisableLegacyDbfsSetting.TYPE).get(0).urn());
        assertThat(list.dependencies()).contains(conf.urn());

        var noRanges = new java.util.ArrayList<String>();
        var without = hardening(List.of(), noRanges);
        assertThat(without.errors()).isEmpty();
        assertThat(noRanges).isEmpty();
        assertThat(without.ofType(IpAccessList.TYPE)).isEmpty();
        var plainConf = without.ofType(WORKSPACE_CONF).get(0);
        assertThat(plainConf.inputString("customConfig.enableIpAccessLists")).hasValue("false");
        assertThat(plainConf.dependencies()).contains(without.ofType(DisableLegacyDbfsSetting.TYPE).get(0).urn());
    }
}
