package com.ztplatform.components.governance;

import com.pulumi.core.Output;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyAssignmentsTest {
    private static final Naming NAMING = new Naming("ztp", "prod");
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final String HUB = SUB + "/resourceGroups/ztp-prod-hub-rg";
    private static final String AI = SUB + "/resourceGroups/ztp-prod-ai-rg";
    private static final String LAW = HUB + "/providers/Microsoft.OperationalInsights/workspaces/ztp-prod-law";
    private static final String ACCOUNT = AI + "/providers/Microsoft.Storage/storageAccounts/ztpprodml";
    private static final String MONITORING_CONTRIBUTOR = "749f88d5-cbae-40b8-bcfc-e573ddc772fa";

    private static final Guardrail LOCATIONS = new Guardrail("allowed-locations", "e56962a6-4747-49cd-b67b-bf8b01975c4c",
            "Allowed locations", Map.of("listOfAllowedLocations", List.of("westeurope")), List.of());
    private static final Guardrail SHARED_KEY = new Guardrail("storage-shared-key", "8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54",
            "Storage accounts should prevent shared key access", Map.of("effect", "Deny"), List.of());
    private static final Guardrail DIAGNOSTICS = new Guardrail("databricks-diagnostics",
            "23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d", "Configure diagnostic settings for Azure Databricks Workspace",
            Map.of("logAnalytics", Guardrail.WORKSPACE), List.of(MONITORING_CONTRIBUTOR,
            GuardrailPlan.LOG_ANALYTICS_CONTRIBUTOR));

    private static PolicyAssignmentsArgs.Builder args() {
        return PolicyAssignmentsArgs.builder().naming(NAMING).location("westeurope")
                .scopes(List.of(new PolicyScope("hub", Output.of(HUB)), new PolicyScope("ai", Output.of(AI))))
                .guardrails(List.of(LOCATIONS, SHARED_KEY, DIAGNOSTICS)).enforcement(Enforcement.forEnvironment("prod"))
                .workspaceId(Output.of(LAW)).workspaceScopeKey("hub");
    }

    private static Plan plan(UnaryOperator<PolicyAssignmentsArgs.Builder> changes) {
        return MockRun.run(ctx -> new PolicyAssignments("guardrails", changes.apply(args()).build(), null));
    }

    @Test
    void oneInitiativeOfTheBuiltInsWithTheWorkspaceAsItsParameter() {
        var plan = plan(a -> a);
        assertThat(plan.errors()).isEmpty();
        var sets = plan.ofType("azure-native:authorization:PolicySetDefinition");
        assertThat(sets).hasSize(1);
        var set = sets.get(0);
        assertThat(set.inputString("policySetDefinitionName")).hasValue("ztp-prod-guardrails");
        var members = set.input("policyDefinitions").orElseThrow().getAsJsonArray();
        assertThat(members).hasSize(3);
        assertThat(members.get(0).getAsJsonObject().get("policyDefinitionId").getAsString())
                .isEqualTo("/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c");
        assertThat(members.get(2).getAsJsonObject().getAsJsonObject("parameters").getAsJsonObject("logAnalytics")
                .get("value").getAsString()).isEqualTo("[parameters('logAnalytics')]");
        assertThat(set.input("parameters").orElseThrow().toString()).contains("logAnalytics");
    }

    @Test
    void eachScopeGetsAnEnforcedAssignmentWithAnIdentityAndTheDefinitionsRolesAtItsScope() {
        var plan = plan(a -> a);
        var assignments = plan.ofType("azure-native:authorization:PolicyAssignment");
        assertThat(assignments).extracting(r -> r.inputString("policyAssignmentName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-prod-guardrails-hub", "ztp-prod-guardrails-ai");
        for (var a : assignments) {
            assertThat(a.inputString("enforcementMode")).hasValue("Default");
            assertThat(a.inputString("location")).hasValue("westeurope");
            assertThat(a.input("identity").orElseThrow().getAsJsonObject().get("type").getAsString())
                    .isEqualTo("SystemAssigned");
            assertThat(a.input("parameters").orElseThrow().toString()).contains(LAW);
        }
        var grants = plan.ofType("azure-native:authorization:RoleAssignment");
        // Two roles at each of the two scopes, and Log Analytics Contributor on the workspace for the ai assignment.
        assertThat(grants).hasSize(5);
        assertThat(grants).filteredOn(g -> g.inputString("scope").orElseThrow().equals(AI))
                .extracting(g -> g.inputString("roleDefinitionId").orElseThrow().replaceAll(".*/", ""))
                .containsExactlyInAnyOrder(MONITORING_CONTRIBUTOR, GuardrailPlan.LOG_ANALYTICS_CONTRIBUTOR);
        assertThat(grants).filteredOn(g -> g.inputString("scope").orElseThrow().equals(LAW)).hasSize(1);
        assertThat(grants).allSatisfy(g -> assertThat(g.inputString("principalType")).hasValue("ServicePrincipal"));
    }

    @Test
    void devOnlyAuditsAndAssignmentsWithoutDeployingMembersHaveNoIdentity() {
        var plan = plan(a -> a.enforcement(Enforcement.forEnvironment("dev")).guardrails(List.of(LOCATIONS)));
        var assignments = plan.ofType("azure-native:authorization:PolicyAssignment");
        assertThat(assignments).allSatisfy(a -> {
            assertThat(a.inputString("enforcementMode")).hasValue("DoNotEnforce");
            assertThat(a.input("identity")).isEmpty();
        });
        assertThat(plan.ofType("azure-native:authorization:RoleAssignment")).isEmpty();
    }

    @Test
    void exemptionsGoOnEveryAssignmentOrAtTheOneResource() {
        var plan = plan(a -> a.exemptions(List.of(
                new GuardrailExemption("locations", List.of("allowed-locations"), "Mitigated", "Allowed locations",
                        "Global resources only", null, null),
                new GuardrailExemption("ml-shared-key", List.of("storage-shared-key"), "Waiver", "Shared key",
                        "API 2023-04-01 datastores", "ai", Output.of(ACCOUNT)))));
        var exemptions = plan.ofType("azure-native:authorization:PolicyExemption");
        assertThat(exemptions).extracting(r -> r.inputString("policyExemptionName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-prod-hub-locations", "ztp-prod-ai-locations", "ztp-prod-ai-ml-shared-key");
        var ml = exemptions.stream().filter(x -> x.inputString("policyExemptionName").orElseThrow()
                .equals("ztp-prod-ai-ml-shared-key")).findFirst().orElseThrow();
        assertThat(ml.inputString("scope")).hasValue(ACCOUNT);
        assertThat(ml.inputString("exemptionCategory")).hasValue("Waiver");
        assertThat(ml.inputString("policyAssignmentId")).hasValue(AI
                + "/providers/Microsoft.Authorization/policyAssignments/ztp-prod-guardrails-ai");
        assertThat(ml.input("policyDefinitionReferenceIds").orElseThrow().getAsJsonArray().get(0).getAsString())
                .isEqualTo("storage-shared-key");
    }

    @Test
    void problemsNameTheFieldAndAValidExample() {
        var problems = args().location(null).workspaceScopeKey("lake").enforcement(null)
                .exemptions(List.of(new GuardrailExemption("x", List.of("not-assigned"), "Accepted", "x", "why", null,
                        null))).build().problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("location is required").contains("westeurope"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("enforcement is required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("workspaceScopeKey 'lake'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("exemptions[0].referenceIds names 'not-assigned'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("exemptions[0].category must be one of [Waiver, "
                + "Mitigated]"));
        assertThat(new Guardrail("Bad Ref", "nope", "", Map.of(), List.of("x")).problems("g."))
                .hasSize(4).allSatisfy(p -> assertThat(p).startsWith("g.").contains("like"));
    }

    @Test
    void enforcementDefaultsByEnvironmentOnce() {
        assertThat(Enforcement.forEnvironment("prod")).isEqualTo(Enforcement.DEFAULT);
        assertThat(Enforcement.forEnvironment("dev")).isEqualTo(Enforcement.DO_NOT_ENFORCE);
        assertThat(Enforcement.parse("DoNotEnforce")).hasValue(Enforcement.DO_NOT_ENFORCE);
        assertThat(Enforcement.parse("Audit")).isEmpty();
    }
}
