package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonParser;
import com.ztplatform.stack.SharedPlans;
import com.ztplatform.stack.reports.PlanModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure's own built-in definitions against the real dev and prod plans (the plans StackPlansIT reads, computed once
 * per JVM): every definition evaluates, and every non-compliance has an exemption.
 */
class AzureBuiltInPoliciesIT {
    private static List<PolicyEvaluation.Finding> findings(String stack) {
        var plan = PlanModel.parse(JsonParser.parseString(SharedPlans.plan(stack).toJson()).getAsJsonObject());
        return PolicyEvaluation.evaluate(plan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyNonComplianceIsExemptAndEveryDefinitionEvaluates(String stack) {
        var findings = findings(stack);
        assertThat(findings).hasSize(66);
        assertThat(findings).filteredOn(f -> f.result() == PolicyEvaluation.Result.ERROR)
                .extracting(f -> f.definition().displayName() + ": " + f.detail()).isEmpty();
        assertThat(findings).filteredOn(f -> f.result() == PolicyEvaluation.Result.NON_COMPLIANT)
                .extracting(f -> f.definition().id() + " " + f.definition().displayName() + ": " + f.nonCompliant()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyExemptionIsStillNeeded(String stack) {
        var findings = findings(stack);
        for (var x : Exemptions.all()) {
            if (x.stacks().contains(stack)) {
                assertThat(findings).as("exemption of " + x.displayName() + " in " + stack)
                        .anyMatch(f -> f.definition().id().equals(x.definitionId()) && f.result() == PolicyEvaluation.Result.EXEMPT);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKeyControlsAreCompliant(String stack) {
        var findings = findings(stack);
        // Private, VNet-injected, no-public-IP Premium workspaces; soft-delete, purge-protected RBAC vaults; storage
        // without shared keys, public blobs or old TLS.
        for (var id : List.of("2cc2c3b5-c2f8-45aa-a9e6-f90d85ae8352", "0e7849de-b939-4c50-ab48-fc6b0f5eeba2",
                "51c1490f-3319-459c-bbbc-7f391bbed753", "258823f2-4595-4b52-b333-cc96192710d8", "9c25c9e4-ee12-4882-afd2-11fb9d87893f",
                "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53", "12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5", "8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54",
                "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751", "fe83a0eb-a853-422d-aac2-1bffd182c5d0")) {
            // Compliant, or exempt only for the resources a row names (prod's ML workspace account and its keys).
            assertThat(findings).as(id).anyMatch(f -> f.definition().id().equals(id)
                    && (f.result() == PolicyEvaluation.Result.COMPLIANT || f.result() == PolicyEvaluation.Result.EXEMPT
                    && !f.exemption().resources().isEmpty() && f.exemption().resources().containsAll(f.nonCompliant())));
        }
    }
}
