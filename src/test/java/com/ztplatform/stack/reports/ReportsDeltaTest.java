package com.ztplatform.stack.reports;

import com.google.gson.JsonObject;
import com.ztplatform.stack.plan.StackFiles;
import com.ztplatform.stack.plan.diff.PlanDiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.ztplatform.stack.reports.TestPlans.plan;
import static com.ztplatform.stack.reports.TestPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' change as {@code plan --diff} writes it into diff.md, which the live preview comment
 * (.github/scripts/preview-comment.js) takes between its markers. The two diff.md files the script's node test
 * reads (.github/scripts/testdata) must be exactly what this side writes, so the two sides cannot drift apart.
 */
class ReportsDeltaTest {
    private static final String PE = "azure-native:network:PrivateEndpoint";

    private static JsonObject onePrivateEndpoint() {
        return plan(resource(PE, "pe1", "{}"));
    }

    private static JsonObject twoPrivateEndpoints() {
        return plan(resource(PE, "pe1", "{}"), resource(PE, "pe2", "{}"));
    }

    private static String diffMd(JsonObject base, JsonObject head, Path dir) throws IOException {
        Files.writeString(dir.resolve("base.json"), base.toString());
        var out = dir.resolve("head");
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), head.toString());
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return PlanDiffReport.write("t", dir.resolve("base.json"), out, sink, sink);
    }

    private static String fixture(String name) throws IOException {
        var file = StackFiles.findProjectRoot(Path.of("")).resolve(".github/scripts/testdata").resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(missing " + file + ")";
    }

    @Test
    void nothingChangedIsOneLineBetweenTheMarkers() {
        var md = Reports.delta(onePrivateEndpoint(), onePrivateEndpoint());
        // 7.30 (endpoint hour meter) + 500 GB x 0.01 endpoint traffic = 12.30; one endpoint at 0.5 min (default).
        assertThat(md).isEqualTo("\n" + Reports.DELTA_UNCHANGED + "\n#### Reports\n\nNo change to the monthly cost ($12.30, "
                + "list prices), the compliance verdicts or the deployment critical path (0.5 min).\n\n" + Reports.DELTA_END + "\n");
    }

    @Test
    void aCostChangeIsMarkedChanged() {
        var md = Reports.delta(onePrivateEndpoint(), twoPrivateEndpoints());
        assertThat(md).startsWith("\n" + Reports.DELTA_CHANGED + "\n#### Reports\n").endsWith("\n\n" + Reports.DELTA_END + "\n")
                .contains("**Monthly cost:** $12.30 → $19.60 (+$7.30 per month, list prices)");
    }

    @Test
    void aSlowerChainShowsOnlyThePathChange() {
        var head = plan(resource(PE, "pe1", "{}"),
                resource("azure-native:network:VirtualNetworkGateway", "gw", "{\"sku\": {\"name\": \"VpnGw2AZ\"}}"));
        var md = Reports.delta(onePrivateEndpoint(), head);
        // create-times.json: VPN gateway 45 min ("45 minutes or more" on Learn), so the chain is now the gateway alone.
        // The reference data has no meter for VpnGw2AZ: it is listed as not priced, so the total stays $12.30.
        assertThat(md).startsWith("\n" + Reports.DELTA_CHANGED)
                .contains("**Monthly cost:** $12.30 → $12.30 (+$0.00 per month, list prices)\n")
                .contains("**Deployment critical path:** 0.5 min → 45 min (ended at `pe1`, now `gw`)\n")
                .contains("Unchanged: compliance verdicts.\n")
                .doesNotContain("| resource |").doesNotContain("**Compliance:**");
    }

    @Test
    void aVaultOpenedToThePublicShowsTheVerdictsItChanges() {
        var good = """
                {"vaultName": "kv", "properties": {"enableRbacAuthorization": true, "enablePurgeProtection": true,
                 "enableSoftDelete": true, "softDeleteRetentionInDays": 90, "publicNetworkAccess": "Disabled",
                 "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}""";
        var open = good.replace("\"publicNetworkAccess\": \"Disabled\"", "\"publicNetworkAccess\": \"Enabled\"");
        var md = Reports.delta(plan(resource(EvidenceRules.VAULT, "kv", good)), plan(resource(EvidenceRules.VAULT, "kv", open)));
        // ISO A.8.24 (compliance-controls.json): rules CMK, infrastructure encryption, key rotation and the vault
        // rule, coverage full. With only a vault, the vault rule is the one applicable: met before, so "met"; not
        // met after, so no rule met: "not met". The other four controls naming the vault rule have partial
        // coverage ("partly met" while it holds). Cost and the one-resource chain do not change.
        assertThat(md).startsWith("\n" + Reports.DELTA_CHANGED)
                .contains("(+$0.00 per month, list prices)\n")
                .contains("**Compliance:** 5 control(s) change their verdict.\n\n| control | before | after |\n|---|---|---|\n")
                .contains("| ISO27001 A.8.24 | met | not met |\n").contains("| NIS2 Art. 21(2)(i) | partly met | not met |\n")
                .contains("\nUnchanged: deployment critical path (0.5 min).\n")
                .doesNotContain("| resource |").doesNotContain("**Deployment critical path:**");
    }

    @Test
    void theFixturesOfThePreviewCommentTestAreWhatPlanDiffWrites(@TempDir Path dir) throws IOException {
        assertThat(diffMd(onePrivateEndpoint(), twoPrivateEndpoints(), dir)).isEqualTo(fixture("diff-cost-change.md"));
        assertThat(diffMd(onePrivateEndpoint(), onePrivateEndpoint(), dir)).isEqualTo(fixture("diff-unchanged.md"));
    }
}
