package com.ztplatform.stack.azurepolicy;

import com.pulumi.core.Output;
import com.ztplatform.components.governance.Guardrail;
import com.ztplatform.stack.SharedPlans;
import com.ztplatform.stack.config.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Azure Policy guardrails against the policy pack, the copied built-ins and the exemptions table. */
class GuardrailsTest {
    private static final List<Guardrail> MEMBERS = Guardrails.guardrails("westeurope",
            StackConfig.MandatoryTags.MANDATORY);

    @Test
    void everyPackRuleWithAMatchingBuiltInIsAssignedOrExemptedInEveryStack() {
        var assigned = Guardrails.RULES.stream().map(Guardrails.Rule::definitionId).collect(Collectors.toSet());
        for (var m : Guardrails.matches()) {
            for (var id : m.definitions()) {
                for (var stack : List.of("dev", "prod")) {
                    assertThat(assigned.contains(id) || Exemptions.of(id, stack).isPresent())
                            .as("pack rule %s matches built-in %s, neither assigned nor exempted in %s", m.policy(), id,
                                    stack).isTrue();
                }
            }
        }
    }

    @Test
    void thePackRulesNamedExistInThePack() throws IOException {
        var names = Pattern.compile("name: \"([a-z0-9-]+)\"");
        var pack = new java.util.HashSet<String>();
        try (var files = Files.list(SharedPlans.root().resolve("policy-pack/src/policies"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".ts")).toList()) {
                var matcher = names.matcher(Files.readString(f));
                while (matcher.find()) {
                    pack.add(matcher.group(1));
                }
            }
        }
        assertThat(Guardrails.matches()).extracting(Guardrails.Match::policy).allSatisfy(p -> assertThat(pack).contains(p));
    }

    @Test
    void requiredTagsAndLocationsComeFromTheStackAndTheDiagnosticsFromTheWorkspace() {
        assertThat(MEMBERS).filteredOn(m -> m.definitionId().equals(Guardrails.REQUIRE_TAG))
                .extracting(m -> m.parameters().get("tagName"))
                .containsExactly("environment", "owner", "costCenter", "dataClassification");
        assertThat(MEMBERS).filteredOn(m -> m.definitionId().equals(Guardrails.ALLOWED_LOCATIONS)).singleElement()
                .satisfies(m -> assertThat(m.parameters()).containsEntry("listOfAllowedLocations", List.of("westeurope")));
        var diagnostics = MEMBERS.stream().filter(m -> m.definitionId().equals(Guardrails.DATABRICKS_DIAGNOSTICS))
                .findFirst().orElseThrow();
        assertThat(diagnostics.parameters()).containsEntry("logAnalytics", Guardrail.WORKSPACE);
        // Monitoring Contributor and Log Analytics Contributor, as the definition's roleDefinitionIds name them.
        assertThat(diagnostics.roleGuids()).containsExactly("749f88d5-cbae-40b8-bcfc-e573ddc772fa",
                "92aaf0da-9dab-42b6-94a3-d43ce8d16293");
        assertThat(MEMBERS).filteredOn(Guardrail::deploys).containsExactly(diagnostics);
        assertThat(MEMBERS).allSatisfy(m -> assertThat(m.problems("")).isEmpty());
    }

    @Test
    void effectsAreSpelledAsTheDefinitionAllowsAndPrivateLinksAreOnlyAudited() {
        var byRef = MEMBERS.stream().collect(Collectors.toMap(Guardrail::referenceId, m -> m));
        assertThat(byRef.get("storage-secure-transfer").parameters()).containsEntry("effect", "Deny");
        assertThat(byRef.get("storage-blob-public-access").parameters()).containsEntry("effect", "Deny");
        assertThat(byRef.get("kv-private-link").parameters()).containsEntry("effect", "Audit");
        // databricks-private-link allows only Audit and Disabled.
        assertThat(byRef.get("databricks-private-link").parameters()).containsEntry("effect", "Audit");
        assertThat(byRef.get("allowed-locations").parameters()).doesNotContainKey("effect");
    }

    @Test
    void exemptionsOfAssignedDefinitionsBecomeAzureExemptionsWithTheirCategoryAndReason() {
        var account = "ztpprodmlym4ky";
        // The public-network row names the accounts whose design needs the public endpoint (the lake among them):
        // each becomes an exemption at that account only.
        var lake = "ztpprodlakeym4ky";
        var prod = Guardrails.exemptions("prod", MEMBERS, Map.of(
                account, new Guardrails.PlacedResource("ai", Output.of("/subscriptions/x/resourceGroups/ai/providers/"
                        + "Microsoft.Storage/storageAccounts/" + account)),
                lake, new Guardrails.PlacedResource("lake", Output.of("/subscriptions/x/resourceGroups/lake/providers/"
                        + "Microsoft.Storage/storageAccounts/" + lake))));
        // The digests were computed apart from the code: printf %s storage-public-network | sha256sum (cf5530...),
        // printf %s storage-shared-key | sha256sum (a339e2...).
        assertThat(prod).extracting(x -> x.slug()).containsExactlyInAnyOrder(lake + "-cf5530", account + "-a339e2");
        var network = prod.stream().filter(x -> x.slug().equals(lake + "-cf5530")).findFirst().orElseThrow();
        assertThat(network.category()).isEqualTo("Mitigated");
        assertThat(network.scopeKey()).isNotNull();
        assertThat(network.description()).isEqualTo(Exemptions.of("b2982f36-99f2-4db5-8eff-283140c09693", "prod")
                .orElseThrow().reason());
        var sharedKey = prod.stream().filter(x -> x.slug().equals(account + "-a339e2")).findFirst().orElseThrow();
        assertThat(sharedKey.category()).isEqualTo("Waiver");
        assertThat(sharedKey.referenceIds()).containsExactly("storage-shared-key");
        // Exemptions of definitions not assigned (service endpoints, trusted services, ...) are not made, and rows
        // scoped to resources make nothing where the stack has none of them.
        assertThat(Guardrails.exemptions("dev", MEMBERS, Map.of())).isEmpty();
    }

    @Test
    void aResourceExemptionForAResourceTheStackDoesNotHaveMakesNone() {
        assertThat(Guardrails.exemptions("prod", MEMBERS, Map.of())).isEmpty();
    }

    @Test
    void theCopiesAddedForTheAssignmentsKeepTheirProvenance() throws IOException {
        var selection = BuiltInPolicies.read("builtin/selection.json").getAsJsonObject("assignedOnly")
                .getAsJsonArray("definitions");
        assertThat(selection).hasSize(3);
        for (var e : selection) {
            var o = e.getAsJsonObject();
            assertThat(o.get("commit").getAsString()).matches("[0-9a-f]{40}");
            assertThat(o.get("source").getAsString()).startsWith("built-in-policies/policyDefinitions/")
                    .endsWith(o.get("file").getAsString().substring("definitions".length()));
        }
        assertThat(BuiltInPolicies.withAssignedOnly()).hasSize(66 + 3);
    }

    @Test
    void theReadmeShowsTheEnforcementTableAsGenerated() throws IOException {
        var readme = Files.readString(SharedPlans.root().resolve("README.md"));
        var begin = "<!-- azure-policy-enforcement:begin -->\n";
        var start = readme.indexOf(begin);
        assertThat(start).as("README marker " + begin.trim()).isNotNegative();
        var end = readme.indexOf("<!-- azure-policy-enforcement:end -->");
        assertThat(readme.substring(start + begin.length(), end)).isEqualTo(Guardrails.markdown());
    }

    @Test
    void theTableSaysWhereEachRuleIsEnforced() {
        var md = Guardrails.markdown();
        assertThat(md).contains("| `storage-account-zero-trust` | Secure transfer to storage accounts should be enabled "
                + "(`404c3081-a854-4457-ae30-26a93ef643f9`) | mandatory | Deny, not enforced | Deny |");
        assertThat(md).contains("| `storage-account-zero-trust` | Storage accounts should disable public network access "
                + "(`b2982f36-99f2-4db5-8eff-283140c09693`) | mandatory | Deny, not enforced; exempt: ztpdevlakellwby, "
                + "ztpprodlakeym4ky, ztpprodlandingym4ky, ztpprodsharingym4ky, ztpdevflowlogsllwby, ztpprodflowlogsym4ky, "
                + "ztpdevqueriesllwby, ztpprodqueriesym4ky | "
                + "Deny; exempt: ztpdevlakellwby, ztpprodlakeym4ky, ztpprodlandingym4ky, ztpprodsharingym4ky, "
                + "ztpdevflowlogsllwby, ztpprodflowlogsym4ky, ztpdevqueriesllwby, ztpprodqueriesym4ky |");
        assertThat(md).contains("| none | Configure diagnostic settings for Azure Databricks Workspace to Log "
                + "Analytics workspace (`23057b42-ca8d-4aa0-a3dc-96a98b5b5a3d`) | not checked | DeployIfNotExists, not "
                + "enforced | DeployIfNotExists |");
    }
}
