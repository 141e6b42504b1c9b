package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Effects on small hand-written plans. */
class PolicyEvaluationTest {
    private static final String WS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w1";

    private static ArmResource resource(String id, String inputs) {
        return new ArmResource(ArmResource.typeOf(id), id, id.substring(id.lastIndexOf('/') + 1), "urn:" + id,
                JsonParser.parseString(inputs).getAsJsonObject());
    }

    private static BuiltInPolicies.Definition definition(String effect, String details) {
        var props = JsonParser.parseString("{\"mode\": \"Indexed\", \"parameters\": {\"effect\": {\"type\": \"String\", \"defaultValue\": \""
                + effect + "\"}}, \"policyRule\": {\"if\": {\"field\": \"type\", \"equals\": \"Microsoft.Databricks/workspaces\"}, "
                + "\"then\": {\"effect\": \"[parameters('effect')]\"" + (details == null ? "" : ", \"details\": " + details) + "}}}")
                .getAsJsonObject();
        return new BuiltInPolicies.Definition("00000000-test", "test", "test.json", List.of(), props);
    }

    private static final String DIAGNOSTICS = "{\"type\": \"Microsoft.Insights/diagnosticSettings\", \"existenceCondition\": "
            + "{\"field\": \"Microsoft.Insights/diagnosticSettings/workspaceId\", \"exists\": true}}";

    @Test
    void auditMatchesAndDisabledSkips() {
        var plan = PolicyEvaluation.of("dev", List.of(resource(WS, "{}")));
        assertThat(plan.evaluate(definition("Audit", null)).result()).isEqualTo(PolicyEvaluation.Result.NON_COMPLIANT);
        assertThat(plan.evaluate(definition("Audit", null)).nonCompliant()).containsExactly("w1");
        assertThat(plan.evaluate(definition("Disabled", null)).result()).isEqualTo(PolicyEvaluation.Result.DISABLED);
    }

    @Test
    void auditIfNotExistsLooksForTheRelatedResourceOnTheResource() {
        var without = PolicyEvaluation.of("dev", List.of(resource(WS, "{}")));
        assertThat(without.evaluate(definition("AuditIfNotExists", DIAGNOSTICS)).result())
                .isEqualTo(PolicyEvaluation.Result.NON_COMPLIANT);
        // The diagnostic setting is an extension resource of the workspace (its id extends the workspace's).
        var setting = WS + "/providers/Microsoft.Insights/diagnosticSettings/d";
        var toWorkspace = PolicyEvaluation.of("dev", List.of(resource(WS, "{}"),
                resource(setting, "{\"resourceUri\": \"" + WS + "\", \"workspaceId\": \"/law\"}")));
        assertThat(toWorkspace.evaluate(definition("AuditIfNotExists", DIAGNOSTICS)).result())
                .isEqualTo(PolicyEvaluation.Result.COMPLIANT);
        // One that sends nowhere fails the existence condition.
        var toNowhere = PolicyEvaluation.of("dev", List.of(resource(WS, "{}"),
                resource(setting, "{\"resourceUri\": \"" + WS + "\"}")));
        assertThat(toNowhere.evaluate(definition("DeployIfNotExists", DIAGNOSTICS)).result())
                .isEqualTo(PolicyEvaluation.Result.NON_COMPLIANT);
        // A setting of another resource does not count.
        var elsewhere = PolicyEvaluation.of("dev", List.of(resource(WS, "{}"), resource(
                WS + "2/providers/Microsoft.Insights/diagnosticSettings/d", "{\"workspaceId\": \"/law\"}")));
        assertThat(elsewhere.evaluate(definition("AuditIfNotExists", DIAGNOSTICS)).result())
                .isEqualTo(PolicyEvaluation.Result.NON_COMPLIANT);
    }

    @Test
    void modifyReportsWhatItWouldChange() {
        var plan = PolicyEvaluation.of("dev", List.of(resource(WS, "{}")));
        var f = plan.evaluate(definition("Modify", "{\"operations\": [{\"operation\": \"addOrReplace\", "
                + "\"field\": \"Microsoft.Databricks/workspaces/publicNetworkAccess\", \"value\": \"Disabled\"}]}"));
        assertThat(f.result()).isEqualTo(PolicyEvaluation.Result.WOULD_CHANGE);
        assertThat(f.detail()).isEqualTo("addOrReplace Microsoft.Databricks/workspaces/publicNetworkAccess = \"Disabled\"");
    }

    @Test
    void privateEndpointsOfThePlanAreTheWorkspacesApprovedConnections() {
        var pe = resource("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1",
                "{\"privateLinkServiceConnections\": [{\"privateLinkServiceId\": \"" + WS + "\"}]}");
        var definition = BuiltInPolicies.all().stream().filter(d -> d.id().equals("258823f2-4595-4b52-b333-cc96192710d8"))
                .findFirst().orElseThrow();
        assertThat(PolicyEvaluation.of("dev", List.of(resource(WS, "{}"), pe)).evaluate(definition).result())
                .isEqualTo(PolicyEvaluation.Result.COMPLIANT);
        assertThat(PolicyEvaluation.of("dev", List.of(resource(WS, "{}"))).evaluate(definition).result())
                .isEqualTo(PolicyEvaluation.Result.NON_COMPLIANT);
    }
}
